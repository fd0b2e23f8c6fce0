import type { FOLLOW_UP_OUTCOMES, HIRE_TYPES } from './path';

/** The evaluation's yearly targets. */
export const YEARLY_TARGETS = { conversations: 800, hires: 550, retention: 0.6 } as const;

export type HireType = (typeof HIRE_TYPES)[number];
export type Outcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** What happened in a period, counted by the dates of the steps. */
export interface Counts {
	applications: number;
	conversations: number;
	internships: number;
	hires: Record<HireType, number>;
	followUps: number;
	outcomes: Record<Outcome, number>;
	/** Follow-ups that found the person in a job (the same or a new one). */
	inJob: number;
	/** inJob ÷ followUps; null before any follow-up. */
	retention: number | null;
}

