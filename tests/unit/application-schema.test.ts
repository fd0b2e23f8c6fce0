import { describe, expect, test } from 'vitest';
import { applicationSchema, fieldErrors } from '$lib/application/schema';
import { validApplication } from './fixtures';

function errorsOf(input: unknown): Record<string, string> {
	const result = applicationSchema.safeParse(input);
	return result.success ? {} : fieldErrors(result.error);
}

describe('the application schema', () => {
	test('a complete application passes, and phone numbers are tidied', () => {
		const parsed = applicationSchema.parse(validApplication({ phone: '+45 21 43 65 87' }));
		expect(parsed.phone).toBe('21436587');
	});

	test.each([
		['a short phone number', { phone: '1234' }, 'phone', 'errors.phone'],
		['no phone when we must call', { phone: undefined, contactMethod: 'call' }, 'phone', 'errors.phone'],
		['an empty name', { name: '   ' }, 'name', 'errors.name'],
		['no consent', { consent: false }, 'consent', 'errors.consent'],
		['an unknown municipality', { municipality: '999' }, 'municipality', 'errors.municipality'],
		['a helper contact without a helper', { contactMethod: 'helper' }, 'contactMethod', 'errors.contactHelper'],
		['a helper who is not named', { filledBy: 'helper' }, 'helper.name', 'errors.helper'],
		['fleksjob yes without the criteria', { pension: 'no', fleksjob: 'yes' }, 'fleksjobCriteria.stu', 'errors.choose'],
		['a job type that does not exist', { likes: ['astronaut'] }, 'likes.0', 'errors.choose'],
		['the same day twice', { days: ['mon', 'mon'] }, 'days', 'errors.choose'],
		['an id that is not a UUID', { id: 'abc' }, 'id', 'errors.id'],
		['no answer on fleksjob when there is no pension', { pension: 'no', fleksjob: undefined }, 'fleksjob', 'errors.choose']
	] as const)('%s is a field error the person can fix', (_name, change, field, key) => {
		expect(errorsOf(validApplication(change as never))).toMatchObject({ [field]: key });
	});

	test('fields the schema does not know are refused', () => {
		expect(errorsOf({ ...validApplication(), cpr: '010101-1234' })).toEqual({ application: 'errors.unknownField' });
	});

	test('a voice message may last 2 minutes and no longer', () => {
		const voice = { mimeType: 'audio/webm;codecs=opus', durationSeconds: 30, data: 'AAAA' } as const;
		expect(errorsOf(validApplication({ voiceMessage: voice }))).toEqual({});
		expect(errorsOf(validApplication({ voiceMessage: { ...voice, durationSeconds: 300 } }))).toEqual({
			'voiceMessage.durationSeconds': 'errors.voiceTooLong'
		});
		expect(errorsOf(validApplication({ voiceMessage: { ...voice, data: 'A'.repeat(500_000) } }))).toEqual({
			'voiceMessage.data': 'errors.voiceTooLong'
		});
	});
});
