import '$lib/zod-config';
import { z } from 'zod';
import { JOB_TYPE_IDS } from '$lib/jobs/types';
import { municipalityByCode } from '$lib/jobs/municipalities';
import { LANGUAGES } from '$lib/i18n/languages';

/**
 * The one schema for an application: the form validates each answer with it, the
 * outbox stores only what passes it, and the API parses every body with it.
 * Messages are i18n keys (errors.*), so each side says them in the person's language.
 */

import { ANSWER_YES_NO_UNKNOWN, HELPER_ROLES, CONTACT_METHODS, WEEKDAYS, HOURS_CHOICES, FLEKSJOB_CRITERIA, VOICE_MIME_TYPES, VOICE_MAX_SECONDS, VOICE_MAX_BYTES } from './choices';

// The plain lists stay importable from here, beside the schema built on them.
export * from './choices';

const yesNoUnknown = z.enum(ANSWER_YES_NO_UNKNOWN, { message: 'errors.choose' });

/** Danish numbers: 8 digits; spaces and +45 in front are fine and taken away. */
export const phoneSchema = z
	.string({ message: 'errors.phone' })
	.transform((value) => value.replace(/[\s-]/g, '').replace(/^(\+45|0045)/, ''))
	.pipe(z.string().regex(/^\d{8}$/, { message: 'errors.phone' }));

/** Zero-width signs alone look like an empty name on the staff's screen. */
const HAS_LETTER = /\p{L}/u;
/** Direction overrides and isolates turn the text around on screen, so a name can pose as another. */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

const nameSchema = z
	.string({ message: 'errors.name' })
	.trim()
	.min(1, { message: 'errors.name' })
	.max(100, { message: 'errors.nameTooLong' })
	.refine((name) => !DIRECTION_CONTROL.test(name), { message: 'errors.nameHiddenSigns' })
	.refine((name) => HAS_LETTER.test(name), { message: 'errors.nameNoLetters' });

/** Clocks on phones may be off by days, not by years: a date outside this window is an error. */
export const CREATED_AT_MAX_FUTURE_MS = 30 * 24 * 3600 * 1000;
export const CREATED_AT_MAX_PAST_MS = 400 * 24 * 3600 * 1000;

export function createdAtIsSane(createdAt: string, now = Date.now()): boolean {
	const at = Date.parse(createdAt);
	return at <= now + CREATED_AT_MAX_FUTURE_MS && at >= now - CREATED_AT_MAX_PAST_MS;
}

/** Below this a recording holds no sound worth hearing: a container header and little else. */
export const VOICE_MIN_BYTES = 1024;
/**
 * Bytes per second a voice recording may have. The recorder asks for 16 kbit/s (2 kB/s);
 * the bounds are wide because silence packs small and browsers choose their own rate.
 */
export const VOICE_MIN_BYTES_PER_SECOND = 100;
export const VOICE_MAX_BYTES_PER_SECOND = 64_000;

function decodedLength(base64: string): number {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return (base64.length / 4) * 3 - padding;
}

function firstBytes(base64: string, count: number): number[] {
	const text = atob(base64.slice(0, Math.ceil(count / 3) * 4));
	return Array.from(text.slice(0, count), (char) => char.charCodeAt(0));
}

/** The container's first bytes must say what the mime type says. */
export function voiceContainerMatches(mimeType: string, base64: string): boolean {
	const bytes = firstBytes(base64, 12);
	const at = (offset: number, magic: number[]) => magic.every((byte, i) => bytes[offset + i] === byte);
	if (mimeType.startsWith('audio/webm')) return at(0, [0x1a, 0x45, 0xdf, 0xa3]);
	if (mimeType.startsWith('audio/mp4')) return at(4, [0x66, 0x74, 0x79, 0x70]); // 'ftyp'
	if (mimeType.startsWith('audio/ogg')) return at(0, [0x4f, 0x67, 0x67, 0x53]); // 'OggS'
	return false;
}

export const voiceMessageSchema = z.object({
	mimeType: z.enum(VOICE_MIME_TYPES, { message: 'errors.voice' }),
	durationSeconds: z.number().min(0).max(VOICE_MAX_SECONDS + 1, { message: 'errors.voiceTooLong' }),
	/** base64 of the recording; its length caps the size. */
	data: z
		.string()
		.min(1, { message: 'errors.voice' })
		.max(Math.ceil(VOICE_MAX_BYTES / 3) * 4, { message: 'errors.voiceTooLong' })
		.regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'errors.voice' })
		.refine((data) => data.length % 4 === 0, { message: 'errors.voice' })
}).superRefine((voice, context) => {
	if (voice.data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(voice.data)) return;
	const bytes = decodedLength(voice.data);
	const seconds = Math.max(voice.durationSeconds, 1);
	const fits =
		bytes >= VOICE_MIN_BYTES &&
		bytes >= voice.durationSeconds * VOICE_MIN_BYTES_PER_SECOND &&
		bytes <= seconds * VOICE_MAX_BYTES_PER_SECOND &&
		voiceContainerMatches(voice.mimeType, voice.data);
	if (!fits) context.addIssue({ code: 'custom', path: ['data'], message: 'errors.voice' });
});
export type VoiceMessage = z.infer<typeof voiceMessageSchema>;

export const helperSchema = z.object({
	name: nameSchema,
	role: z.enum(HELPER_ROLES, { message: 'errors.choose' }),
	phone: phoneSchema
});

export const fleksjobCriteriaSchema = z.object(
	Object.fromEntries(FLEKSJOB_CRITERIA.map((key) => [key, yesNoUnknown])) as Record<
		(typeof FLEKSJOB_CRITERIA)[number],
		typeof yesNoUnknown
	>
);

/** Each answer on its own: the form checks one question at a time with these. */
export const applicationFields = {
	/** Made on the device; also the Idempotency-Key, so a retry is never a second application. */
	id: z.uuid({ message: 'errors.id' }),
	postingId: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'errors.posting' }).nullable(),
	filledBy: z.enum(['self', 'helper'], { message: 'errors.choose' }),
	helper: helperSchema.optional(),
	name: nameSchema,
	contactMethod: z.enum(CONTACT_METHODS, { message: 'errors.choose' }),
	phone: phoneSchema.optional(),
	municipality: z.string().refine((code) => municipalityByCode.has(code), { message: 'errors.municipality' }),
	pension: yesNoUnknown,
	/** Asked only when the answer on førtidspension is not yes. */
	fleksjob: yesNoUnknown.optional(),
	fleksjobCriteria: fleksjobCriteriaSchema.optional(),
	/** Optional questions: left out means none chosen. */
	likes: z
		.array(z.enum(JOB_TYPE_IDS, { message: 'errors.choose' }), { message: 'errors.choose' })
		.max(JOB_TYPE_IDS.length)
		.refine((list) => new Set(list).size === list.length, { message: 'errors.choose' })
		.default([]),
	days: z
		.array(z.enum(WEEKDAYS, { message: 'errors.choose' }), { message: 'errors.choose' })
		.max(7)
		.refine((list) => new Set(list).size === list.length, { message: 'errors.choose' })
		.default([]),
	hours: z.enum(HOURS_CHOICES, { message: 'errors.choose' }),
	aboutText: z.string().trim().max(1000, { message: 'errors.aboutTooLong' }).optional(),
	voiceMessage: voiceMessageSchema.optional(),
	consent: z.literal(true, { message: 'errors.consent' }),
	language: z.enum(LANGUAGES),
	createdAt: z.iso
		.datetime({ message: 'errors.date' })
		.refine((createdAt) => createdAtIsSane(createdAt), { message: 'errors.dateOutOfRange' })
};

export const applicationSchema = z
	.object(applicationFields)
	.strict()
	.superRefine((application, context) => {
		if (application.filledBy === 'helper' && !application.helper) {
			context.addIssue({ code: 'custom', path: ['helper', 'name'], message: 'errors.helper' });
		}
		if (application.filledBy === 'self' && application.helper) {
			context.addIssue({ code: 'custom', path: ['helper'], message: 'errors.noHelper' });
		}
		if (application.contactMethod === 'helper' && application.filledBy !== 'helper') {
			context.addIssue({ code: 'custom', path: ['contactMethod'], message: 'errors.contactHelper' });
		}
		if (application.contactMethod !== 'helper' && !application.phone) {
			context.addIssue({ code: 'custom', path: ['phone'], message: 'errors.phone' });
		}
		if (application.pension !== 'yes' && !application.fleksjob) {
			context.addIssue({ code: 'custom', path: ['fleksjob'], message: 'errors.choose' });
		}
		if (application.fleksjob === 'yes' && !application.fleksjobCriteria) {
			context.addIssue({ code: 'custom', path: ['fleksjobCriteria', 'stu'], message: 'errors.choose' });
		}
	});

export type Application = z.infer<typeof applicationSchema>;
/** What the form holds while it is being filled: any answer may still be missing. */
export type ApplicationInput = z.input<typeof applicationSchema>;

/** Field errors as { "helper.phone": "errors.phone" }: one message per field, the first. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String).join('.') || 'application';
		errors[path] ??= issue.code === 'unrecognized_keys' ? 'errors.unknownField' : issue.message;
	}
	return errors;
}
