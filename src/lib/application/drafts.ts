import { localDatabase, type Draft, type OutboxItem } from '$lib/outbox/db';
import type { Language } from '$lib/i18n/languages';
import type { VoiceMessage } from './schema';
import { GENERAL_DRAFT, type Answers } from './steps';
import { withoutLabel } from '$lib/shared-phone/label';
import { rememberHelper } from '$lib/shared-phone/device';

export async function loadDraft(key: string): Promise<Draft | undefined> {
	return localDatabase().drafts.get(key);
}

/** Saved after every answer, so closing the page loses nothing. */
export async function saveDraft(key: string, answers: Answers, voice?: Draft['voice']): Promise<void> {
	await localDatabase().drafts.put({ key, answers, voice, updatedAt: Date.now() });
}

export async function discardDraft(key: string): Promise<void> {
	await localDatabase().drafts.delete(key);
}

async function blobToBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

export interface QueueInput {
	draftKey: string;
	answers: Answers;
	voice?: Draft['voice'];
	postingId: string | null;
	postingTitle: string | null;
	language: Language;
	/** Kept when a person fixes an application the server sent back: same id, same key. */
	id?: string;
}

export type QueueResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/**
 * Turns the draft into a finished application: checks it with the one schema, puts it
 * in the outbox and deletes the draft, in one transaction. The sync engine sends it.
 */
export async function queueApplication(input: QueueInput): Promise<QueueResult> {
	const voiceMessage: VoiceMessage | undefined = input.voice
		? {
				mimeType: input.voice.mimeType as VoiceMessage['mimeType'],
				durationSeconds: Math.round(input.voice.durationSeconds * 10) / 10,
				data: await blobToBase64(input.voice.blob)
			}
		: undefined;
	// The helper's label stays on the device: it is not part of the application.
	const { label, answers } = withoutLabel(input.answers);
	const candidate = {
		...answers,
		aboutText: answers.aboutText?.trim() ? answers.aboutText : undefined,
		id: input.id ?? crypto.randomUUID(),
		postingId: input.postingId,
		language: input.language,
		createdAt: new Date().toISOString(),
		voiceMessage
	};
	// The schema (zod) loads when it is needed: the form's first screen does without it.
	const { applicationSchema, fieldErrors } = await import('./schema');
	const parsed = applicationSchema.safeParse(candidate);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };

	const db = localDatabase();
	const helper = parsed.data.helper;
	await db.transaction('rw', [db.outbox, db.drafts, db.profile, db.helper], async () => {
		await db.outbox.put({
			id: parsed.data.id,
			application: parsed.data,
			postingTitle: input.postingTitle,
			state: 'waiting',
			attempts: 0,
			nextAttemptAt: Date.now(),
			queuedAt: Date.now(),
			label,
			handedOver: false
		});
		await db.drafts.delete(input.draftKey);
		// The game's likes are in the application now; the device need not keep them.
		await db.profile.delete('me');
		// A helper on a shared phone need not type her own details for the next resident.
		if (helper) await rememberHelper(helper, db);
	});
	return { ok: true, id: parsed.data.id };
}

function base64ToBlob(data: string, type: string): Blob {
	const binary = atob(data);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return new Blob([bytes], { type });
}

/**
 * The server sent an application back to be fixed: it becomes a draft again (with
 * its voice message), leaves the outbox, and the form opens on "Tjek dine svar".
 */
export async function reopenForFix(item: OutboxItem): Promise<string> {
	const { id: _id, postingId, language: _language, createdAt: _createdAt, voiceMessage, ...answers } = item.application;
	const key = postingId ?? GENERAL_DRAFT;
	const db = localDatabase();
	await db.transaction('rw', db.outbox, db.drafts, db.profile, async () => {
		await db.drafts.put({
			key,
			answers: item.label ? { ...answers, label: item.label } : answers,
			voice: voiceMessage
				? {
						blob: base64ToBlob(voiceMessage.data, voiceMessage.mimeType),
						mimeType: voiceMessage.mimeType,
						durationSeconds: voiceMessage.durationSeconds
					}
				: undefined,
			updatedAt: Date.now()
		});
		await db.outbox.delete(item.id);
	});
	return postingId ? `/job/${postingId}/ansog?trin=tjek` : '/ansog?trin=tjek';
}
