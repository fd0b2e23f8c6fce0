import { describe, expect, test } from 'vitest';
import { applicationSchema, fieldErrors } from '$lib/application/schema';
import { fakeVoice, validApplication } from './fixtures';

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
		const voice = fakeVoice(30);
		expect(errorsOf(validApplication({ voiceMessage: voice }))).toEqual({});
		expect(errorsOf(validApplication({ voiceMessage: { ...voice, durationSeconds: 300 } }))).toEqual({
			'voiceMessage.durationSeconds': 'errors.voiceTooLong'
		});
		expect(errorsOf(validApplication({ voiceMessage: { ...voice, data: 'A'.repeat(500_000) } }))).toEqual({
			'voiceMessage.data': 'errors.voiceTooLong'
		});
	});

	test.each([
		['a name of zero-width signs only', { name: '\u200B\u200C\u200D\u2060\uFEFF' }, 'name', 'errors.nameNoLetters'],
		['a name of digits and dots', { name: '123 .' }, 'name', 'errors.nameNoLetters'],
		['a name that turns the text around', { name: 'Ann\u202Enesnah' }, 'name', 'errors.nameHiddenSigns'],
		['a name with a direction isolate', { name: '\u2067Ali\u2069' }, 'name', 'errors.nameHiddenSigns'],
		[
			"a helper's name of zero-width signs",
			{ filledBy: 'helper', helper: { name: '\u200B\u200B', role: 'family', phone: '21436587' } },
			'helper.name',
			'errors.nameNoLetters'
		],
		[
			"a helper's name with a direction override",
			{ filledBy: 'helper', helper: { name: 'Bo\u202DB', role: 'family', phone: '21436587' } },
			'helper.name',
			'errors.nameHiddenSigns'
		]
	] as const)('%s is refused', (_name, change, field, key) => {
		expect(errorsOf(validApplication(change as never))).toMatchObject({ [field]: key });
	});

	test('names in any script pass, with the joiners Arabic and Persian need', () => {
		for (const name of ['Åse Ørsted', 'محمد علي', 'می\u200Cخواهم', 'Zoë-Lü']) {
			expect(errorsOf(validApplication({ name }))).toEqual({});
		}
	});

	test('the date the application was made must lie near today', () => {
		const day = 24 * 3600 * 1000;
		const at = (offset: number) => new Date(Date.now() + offset).toISOString();
		expect(errorsOf(validApplication({ createdAt: at(-3 * day) }))).toEqual({});
		expect(errorsOf(validApplication({ createdAt: at(25 * day) }))).toEqual({});
		expect(errorsOf(validApplication({ createdAt: at(-300 * day) }))).toEqual({});
		expect(errorsOf(validApplication({ createdAt: at(40 * day) }))).toEqual({ createdAt: 'errors.dateOutOfRange' });
		expect(errorsOf(validApplication({ createdAt: '2099-01-01T00:00:00.000Z' }))).toEqual({ createdAt: 'errors.dateOutOfRange' });
		expect(errorsOf(validApplication({ createdAt: '1970-01-01T00:00:00.000Z' }))).toEqual({ createdAt: 'errors.dateOutOfRange' });
	});

	test('a voice message must hold a real recording of the type it says', () => {
		for (const type of ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'] as const) {
			expect(errorsOf(validApplication({ voiceMessage: fakeVoice(5, type) }))).toEqual({});
		}
		const voice = fakeVoice(5);
		const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10_000, 32)]).toString('base64');
		const refused = [
			{ ...voice, data: 'A' },
			{ ...voice, data: 'AAAA' },
			{ ...voice, data: pdf },
			{ ...voice, mimeType: 'audio/ogg;codecs=opus' as const },
			{ ...voice, mimeType: 'audio/mp4' as const },
			// two minutes said, 10 kB sent: not a recording of that length
			{ ...fakeVoice(5), durationSeconds: 120 },
			// one second said, 300 kB sent
			{ ...fakeVoice(150), durationSeconds: 1 }
		];
		for (const voiceMessage of refused) {
			expect(errorsOf(validApplication({ voiceMessage })), voiceMessage.data.slice(0, 12)).toEqual({ 'voiceMessage.data': 'errors.voice' });
		}
	});
});
