import { FLEKSJOB_CRITERIA, type Application } from '$lib/application/schema';

/**
 * The evaluation's criteria, as pure rules. The server always screens again on
 * arrival: it never trusts a result a device sends.
 *
 * - skånejob needs førtidspension;
 * - fleksjob needs at least one of the five criteria (then a consultant visits);
 * - "ved ikke" anywhere that matters means a person reads it (manual review);
 * - neither pension nor fleksjob: outside the target group, with a kind referral.
 */
export const SCREENING_DECISIONS = ['skaanejob', 'fleksjob', 'manual-review', 'outside-target-group'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

export interface Screening {
	decision: ScreeningDecision;
	/** Codes, not prose: staff pages and the status page say them in their own words. */
	reasons: string[];
}

type Answers = Pick<Application, 'pension' | 'fleksjob' | 'fleksjobCriteria'>;

export function screen(answers: Answers): Screening {
	if (answers.pension === 'yes') return { decision: 'skaanejob', reasons: ['pension-yes'] };

	const pensionReason = answers.pension === 'unknown' ? 'pension-unknown' : 'pension-no';
	if (answers.fleksjob === 'no') {
		return answers.pension === 'unknown'
			? { decision: 'manual-review', reasons: [pensionReason, 'fleksjob-no'] }
			: { decision: 'outside-target-group', reasons: [pensionReason, 'fleksjob-no'] };
	}
	if (answers.fleksjob === 'unknown') {
		return { decision: 'manual-review', reasons: [pensionReason, 'fleksjob-unknown'] };
	}

	const criteria = answers.fleksjobCriteria;
	const met = FLEKSJOB_CRITERIA.filter((key) => criteria?.[key] === 'yes');
	const unknown = FLEKSJOB_CRITERIA.filter((key) => criteria?.[key] === 'unknown' || !criteria?.[key]);
	if (met.length > 0) {
		return { decision: 'fleksjob', reasons: [pensionReason, 'fleksjob-yes', ...met.map((key) => `criterion-${key}`)] };
	}
	if (unknown.length > 0) {
		return {
			decision: 'manual-review',
			reasons: [pensionReason, 'fleksjob-yes', ...unknown.map((key) => `criterion-${key}-unknown`)]
		};
	}
	return { decision: 'outside-target-group', reasons: [pensionReason, 'fleksjob-yes', 'no-criterion-met'] };
}
