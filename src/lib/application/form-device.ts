/**
 * The phone's side of the form: the saved answers, the outbox, the picture game's
 * profile and the helper on a shared phone, all in IndexedDB (Dexie). The form draws
 * its first question without them and loads this just after, so a slow phone shows
 * the question before it spends time on the database code.
 */
export { loadDraft, saveDraft, queueApplication } from './drafts';
export { loadLikesProfile } from '$lib/game/profile';
export { loadHelper } from '$lib/shared-phone/device';
export { outbox } from '$lib/outbox/outbox.svelte';
