import { describe, expect, test } from 'vitest';
import { screen } from '$lib/server/screening';

const none = { stu: 'no', ppr: 'no', socialService: 'no', workCapacity: 'no', partnerCompanies: 'no' } as const;

describe('screening on arrival, by the evaluation\'s criteria', () => {
	test.each([
		['pension yes → skånejob', { pension: 'yes', fleksjob: 'no' }, 'skaanejob', ['pension-yes']],
		['pension yes wins over anything about fleksjob', { pension: 'yes', fleksjob: 'unknown' }, 'skaanejob', ['pension-yes']],
		['no pension, no fleksjob → outside, kindly referred', { pension: 'no', fleksjob: 'no' }, 'outside-target-group', ['pension-no', 'fleksjob-no']],
		['pension unknown → a person reads it', { pension: 'unknown', fleksjob: 'no' }, 'manual-review', ['pension-unknown', 'fleksjob-no']],
		['fleksjob unknown → a person reads it', { pension: 'no', fleksjob: 'unknown' }, 'manual-review', ['pension-no', 'fleksjob-unknown']],
		[
			'fleksjob with one criterion met → visitation',
			{ pension: 'no', fleksjob: 'yes', fleksjobCriteria: { ...none, stu: 'yes' } },
			'fleksjob',
			['pension-no', 'fleksjob-yes', 'criterion-stu']
		],
		[
			'fleksjob with several criteria lists each',
			{ pension: 'no', fleksjob: 'yes', fleksjobCriteria: { ...none, ppr: 'yes', workCapacity: 'yes', stu: 'unknown' } },
			'fleksjob',
			['pension-no', 'fleksjob-yes', 'criterion-ppr', 'criterion-workCapacity']
		],
		[
			'fleksjob, none met but one unknown → a person reads it',
			{ pension: 'no', fleksjob: 'yes', fleksjobCriteria: { ...none, socialService: 'unknown' } },
			'manual-review',
			['pension-no', 'fleksjob-yes', 'criterion-socialService-unknown']
		],
		[
			'fleksjob, all five no → outside',
			{ pension: 'no', fleksjob: 'yes', fleksjobCriteria: none },
			'outside-target-group',
			['pension-no', 'fleksjob-yes', 'no-criterion-met']
		]
	] as const)('%s', (_name, answers, decision, reasons) => {
		expect(screen(answers)).toEqual({ decision, reasons });
	});
});
