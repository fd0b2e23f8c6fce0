/**
 * The answers a question may take, as plain lists: the steps and the recorder need them
 * on the form's first screen, and the schema (zod) builds on them when an answer is checked.
 */
export const ANSWER_YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const HELPER_ROLES = ['bosted', 'family', 'teacher', 'other'] as const;
export const CONTACT_METHODS = ['call', 'sms', 'helper'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const HOURS_CHOICES = ['1-5', '5-10', '10-15', '15-20', 'more', 'unknown'] as const;
/** The five fleksjob criteria from the evaluation, in its order. */
export const FLEKSJOB_CRITERIA = ['stu', 'ppr', 'socialService', 'workCapacity', 'partnerCompanies'] as const;
export const VOICE_MIME_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'] as const;

/** Two minutes at most, and small enough to send on a slow line. */
export const VOICE_MAX_SECONDS = 120;
export const VOICE_MAX_BYTES = 360_000;
