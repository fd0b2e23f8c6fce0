import { beforeAll, describe, expect, test } from 'vitest';
import { loadAllLanguages, translator } from '$lib/i18n/translate';
import { LANGUAGES } from '$lib/i18n/languages';
import { STATUSES } from '$lib/staff/path';
import { CONTACT_METHODS } from '$lib/application/schema';
import { describeNextStep, nextStepKeys } from '$lib/status/next-step';

beforeAll(loadAllLanguages);

const mette = { firstName: 'Mette', phone: '+45 21 43 65 87' };

describe('the next step after each status', () => {
	// status, contact method → who gets in touch (or not) and roughly when, in Danish.
	test.each([
		['received', 'call', 'Vi læser din ansøgning.', 'Mette ringer til dig inden for 2 uger.', 'inden for 2 uger'],
		['received', 'sms', 'Vi læser din ansøgning.', 'Mette sender en SMS til dig inden for 2 uger.', 'inden for 2 uger'],
		['received', 'helper', 'Vi læser din ansøgning.', 'Mette ringer til din hjælper inden for 2 uger.', 'inden for 2 uger'],
		['more-info', 'sms', 'Vi skal vide lidt mere om dig.', 'Mette sender en SMS til dig inden for 1 uge.', 'inden for 1 uge'],
		['screened', 'call', 'Du skal tale med Mette fra KLAPjob.', 'Mette ringer til dig inden for 2 uger.', 'inden for 2 uger'],
		['conversation', 'call', 'Mette finder et job, du kan prøve.', 'Mette ringer til dig inden for 1 måned.', 'inden for 1 måned'],
		['internship', 'sms', 'Du prøver jobbet i 4 uger. Bagefter taler I om jobbet.', 'Mette sender en SMS til dig om 4 uger.', 'om 4 uger'],
		['hired', 'sms', 'Efter 6 måneder ringer vi. Vi spørger, hvordan det går.', null, 'om 6 måneder'],
		['follow-up', 'call', 'Der sker ikke mere lige nu.', null, null],
		['outside-target-group', 'call', 'Ring til jobcentret i din kommune. De kan hjælpe dig.', null, null],
		['closed', 'helper', 'Vil du have et nyt job? Så søg igen her.', null, null]
	] as const)('%s, contact by %s', (status, contactMethod, text, contactText, when) => {
		const next = describeNextStep(translator('da'), status, contactMethod, mette)!;
		expect(next).toEqual({
			status,
			text,
			contactText,
			when,
			callText: status === 'outside-target-group' ? 'Har du spørgsmål til os? Ring til Mette.' : 'Har du spørgsmål? Ring til Mette.',
			contactMethod,
			consultant: mette
		});
	});

	test('every status of the path has a next step, and an unknown one has none', () => {
		for (const status of STATUSES) expect(nextStepKeys(status, 'call'), status).not.toBeNull();
		expect(nextStepKeys('lost', 'call')).toBeNull();
		expect(describeNextStep(translator('da'), 'lost', 'call', mette)).toBeNull();
	});

	test('on the helper\'s screens the resident is "personen", and the helper is "du" only as the one contacted', () => {
		const t = translator('da');
		const sms = describeNextStep(t, 'received', 'sms', mette, { helper: true })!;
		expect(sms.text).toBe('Vi læser ansøgningen.');
		expect(sms.contactText).toBe('Mette sender en SMS til personen inden for 2 uger.');
		const viaHelper = describeNextStep(t, 'received', 'helper', mette, { helper: true })!;
		expect(viaHelper.contactText).toBe('Mette ringer til dig inden for 2 uger.');
		for (const status of STATUSES) {
			for (const method of CONTACT_METHODS) {
				const next = describeNextStep(t, status, method, mette, { helper: true })!;
				const words = `${next.text} ${method === 'helper' ? '' : (next.contactText ?? '')}`;
				expect(words, `${status} ${method}`).not.toMatch(/\b(din|dit|dine|dig)\b/i);
			}
		}
	});

	test('every text is there in every language, with the name and the time filled in', () => {
		for (const lang of LANGUAGES) {
			const t = translator(lang);
			for (const status of STATUSES) {
				for (const method of CONTACT_METHODS) {
					for (const helper of [false, true]) {
						const next = describeNextStep(t, status, method, mette, { helper })!;
						const all = [next.text, next.contactText, next.when, next.callText].filter((x): x is string => x !== null);
						for (const text of all) {
							expect(text, `${lang} ${status} ${method}`).not.toMatch(/nextStep\.|\{\{/);
						}
						expect(next.callText).toContain('Mette');
						if (next.contactText) expect(next.contactText).toContain(next.when!);
					}
				}
			}
		}
	});
});
