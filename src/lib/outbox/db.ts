import Dexie, { type EntityTable } from 'dexie';
import type { Application, ApplicationInput, HELPER_ROLES } from '$lib/application/schema';
import type { Language } from '$lib/i18n/languages';
import type { Job, JobType } from '$lib/jobs/types';
import type { Region } from '$lib/jobs/municipalities';

/** An application being filled in. Holds personal data until it is sent or thrown away. */
export interface Draft {
	/** The posting's id, or "general" for an application without a posting. */
	key: string;
	/** The answers, and the helper's label for the application (never sent). */
	answers: Partial<ApplicationInput> & { label?: string };
	/** The recording, kept as a Blob so it can be played back before sending. */
	voice?: { blob: Blob; mimeType: string; durationSeconds: number };
	updatedAt: number;
}

export type OutboxState = 'waiting' | 'sending' | 'needs-fix';

/** A finished, valid application waiting for the server. Deleted the moment the server has it. */
export interface OutboxItem {
	id: string;
	application: Application;
	postingTitle: string | null;
	state: OutboxState;
	attempts: number;
	/** When the sync engine may try again (ms since epoch). */
	nextAttemptAt: number;
	/** The server's i18n keys per field, when the person must fix something. */
	fieldErrors?: Record<string, string>;
	errorCode?: string;
	queuedAt: number;
	/** A helper's name for the application on a shared phone ("Anna", "Værelse 4"); never sent. */
	label?: string | null;
	/** Handed over to the next person before it was sent: once sent, it leaves nothing on the device. */
	handedOver?: boolean;
}

/** What stays on the device once the server has the application: nothing personal. */
export interface Receipt {
	id: string;
	reference: string;
	statusToken: string;
	status: string;
	postingTitle: string | null;
	sentAt: number;
	/** The helper's label, shown on a shared phone until the hand-over. */
	label?: string | null;
	/** Set when the server has the person's withdrawal: the receipt then says "Trukket tilbage". */
	withdrawnAt?: number | null;
}

/**
 * The person's withdrawal of a sent application, waiting for the server. It goes through
 * the same sync engine as applications, exactly once by its id, and is deleted when the
 * server has it. It holds only the status link's token, nothing personal.
 */
export interface WithdrawalItem {
	id: string;
	token: string;
	/** The receipt it belongs to, if this phone sent the application. */
	receiptId: string | null;
	state: 'waiting' | 'sending';
	attempts: number;
	nextAttemptAt: number;
	queuedAt: number;
}

/** The kinds of short answers a person gives after sending, and where each is sent. */
export const REPLY_PATHS = {
	/** Yes or no to a job a consultant suggested. */
	suggestion: '/api/suggestion-answers',
	/** The 6-month check-in's answers. */
	'check-in': '/api/check-ins'
} as const;
export type ReplyKind = keyof typeof REPLY_PATHS;

/**
 * A short answer the person gives on the status page or in "Mine ansøgninger" (yes or no to
 * a suggested job, the check-in), waiting for the server. Like an application it has its
 * own id, is sent exactly once by the same sync engine, and is deleted when the server has
 * it: nothing of it stays on the device. Checked by its kind's zod schema before it is queued.
 */
export interface ReplyItem {
	id: string;
	kind: ReplyKind;
	/** The status link's token of the application it belongs to. */
	token: string;
	/** What it answers (a suggestion's id, "check-in"): one waiting reply per question. */
	subject: string;
	/** The rest of the body sent with `id` and `token` (e.g. `{ suggestionId, answer }`). */
	body: Record<string, unknown>;
	/** 'refused': the server said no with a 4xx (`errorCode`); kept so the page can say so. */
	state: 'waiting' | 'sending' | 'refused';
	errorCode?: string;
	attempts: number;
	nextAttemptAt: number;
	queuedAt: number;
}

/** Postings kept on the device, so the list and every posting open without a connection. */
export interface LocalJob extends Job {
	lang: Language;
}

export interface LocalJobTypes {
	lang: Language;
	jobTypes: JobType[];
	savedAt: number;
	/** Where the next refresh of this copy starts (/api/jobs/changes); missing before the first. */
	cursor?: string;
	/** The region the copy holds; null: the whole country. */
	region?: Region | null;
}

/** The region the person looks in, from the job list's filter; decides what the copy holds. */
export interface CopyChoice {
	id: 'region';
	region: Region;
	savedAt: number;
}

/** A posting the person opened: kept on the phone even outside the chosen region. */
export interface OpenedPosting {
	id: string;
	openedAt: number;
}

/**
 * What the person liked in the picture game, kept to fill in "what you like to do"
 * in the application. Deleted when an application is sent, or when they say so.
 */
export interface LikesProfile {
	id: 'me';
	jobTypes: string[];
	likedTasks: string[];
	savedAt: number;
}

/**
 * A helper on a shared phone: her own details, remembered while she helps so she need
 * not type them for every resident. Deleted when she says she is done ("Jeg er færdig
 * med at hjælpe"). A resident's label is never offered again: a wrong one would mix people.
 */
export interface HelperDetails {
	id: 'helper';
	name: string;
	role: (typeof HELPER_ROLES)[number];
	phone: string;
	savedAt: number;
}

export class KlapjobDatabase extends Dexie {
	drafts!: EntityTable<Draft, 'key'>;
	outbox!: EntityTable<OutboxItem, 'id'>;
	receipts!: EntityTable<Receipt, 'id'>;
	postings!: EntityTable<LocalJob, 'id'>;
	jobTypes!: EntityTable<LocalJobTypes, 'lang'>;
	profile!: EntityTable<LikesProfile, 'id'>;
	helper!: EntityTable<HelperDetails, 'id'>;
	copyChoice!: EntityTable<CopyChoice, 'id'>;
	openedPostings!: EntityTable<OpenedPosting, 'id'>;
	withdrawals!: EntityTable<WithdrawalItem, 'id'>;
	replies!: EntityTable<ReplyItem, 'id'>;

	constructor(name = 'klapjob') {
		super(name);
		this.version(1).stores({
			drafts: 'key',
			outbox: 'id, state, nextAttemptAt',
			receipts: 'id, sentAt',
			postings: '[lang+id], lang',
			jobTypes: 'lang'
		});
		this.version(2).stores({ profile: 'id' });
		this.version(3)
			.stores({ helper: 'id' })
			.upgrade(async (tx) => {
				// What was on the phone before labels: no label, not handed over.
				await tx.table('receipts').toCollection().modify((receipt: Receipt) => {
					receipt.label ??= null;
				});
				await tx.table('outbox').toCollection().modify((item: OutboxItem) => {
					item.label ??= null;
					item.handedOver ??= false;
				});
			});
		this.version(4).stores({ copyChoice: 'id', openedPostings: 'id, openedAt' });
		this.version(5).stores({ receipts: 'id, sentAt, statusToken', withdrawals: 'id, state, nextAttemptAt, token' });
		this.version(6).stores({ replies: 'id, state, token, [token+subject]' });
	}
}

let instance: KlapjobDatabase | undefined;

/** The device's database; made on first use, in the page or the service worker. */
export function localDatabase(): KlapjobDatabase {
	instance ??= new KlapjobDatabase();
	return instance;
}
