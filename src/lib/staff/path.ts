/**
 * The path of one person, from the evaluation: received → screened → conversation →
 * 4 weeks' internship (shorter or skipped when both sides agree) → hired → a phone
 * call 6 months later → closed. Screening may also ask for more information, or find
 * the person outside the target group (with a kind referral, never silence).
 */
export const STATUSES = [
	'received',
	'more-info',
	'outside-target-group',
	'screened',
	'conversation',
	'internship',
	'hired',
	'follow-up',
	'closed'
] as const;
export type Status = (typeof STATUSES)[number];

const NEXT: Record<Status, Status[]> = {
	received: ['screened', 'more-info', 'outside-target-group'],
	'more-info': ['screened', 'outside-target-group'],
	'outside-target-group': [],
	screened: ['conversation', 'closed'],
	conversation: ['internship', 'hired', 'closed'],
	internship: ['hired', 'closed'],
	hired: ['follow-up'],
	'follow-up': ['closed'],
	closed: []
};

export function nextStatuses(current: string): Status[] {
	return NEXT[current as Status] ?? [];
}

export function canMove(from: string, to: string): boolean {
	return nextStatuses(from).includes(to as Status);
}

export const HIRE_TYPES = ['skaanejob', 'fleksjob'] as const;
export const FOLLOW_UP_OUTCOMES = ['same-job', 'new-job', 'no-job-wants-one', 'no-job-does-not-want'] as const;
export const WELLBEING = ['good', 'mixed', 'poor'] as const;

/** The follow-up call is due 6 months after hiring. */
export function followUpDue(hiredAt: string): string {
	const date = new Date(hiredAt);
	date.setUTCMonth(date.getUTCMonth() + 6);
	return date.toISOString();
}
