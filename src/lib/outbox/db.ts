import Dexie, { type EntityTable } from 'dexie';
import type { Application, ApplicationInput } from '$lib/application/schema';
import type { Language } from '$lib/i18n/languages';
import type { Job, JobType } from '$lib/jobs/types';

/** An application being filled in. Holds personal data until it is sent or thrown away. */
export interface Draft {
	/** The posting's id, or "general" for an application without a posting. */
	key: string;
	answers: Partial<ApplicationInput>;
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
}

/** What stays on the device once the server has the application: nothing personal. */
export interface Receipt {
	id: string;
	reference: string;
	statusToken: string;
	status: string;
	postingTitle: string | null;
	sentAt: number;
}

/** Postings kept on the device, so the list and every posting open without a connection. */
export interface LocalJob extends Job {
	lang: Language;
}

export interface LocalJobTypes {
	lang: Language;
	jobTypes: JobType[];
	savedAt: number;
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

export class KlapjobDatabase extends Dexie {
	drafts!: EntityTable<Draft, 'key'>;
	outbox!: EntityTable<OutboxItem, 'id'>;
	receipts!: EntityTable<Receipt, 'id'>;
	postings!: EntityTable<LocalJob, 'id'>;
	jobTypes!: EntityTable<LocalJobTypes, 'lang'>;
	profile!: EntityTable<LikesProfile, 'id'>;

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
	}
}

let instance: KlapjobDatabase | undefined;

/** The device's database; made on first use, in the page or the service worker. */
export function localDatabase(): KlapjobDatabase {
	instance ??= new KlapjobDatabase();
	return instance;
}
