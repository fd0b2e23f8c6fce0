import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { OpenDatabase } from './db';
import { GroupCommit } from './group-commit';
import type { Application } from '$lib/application/schema';
import { screen } from './screening';
import { nameKey, personKey } from './person';
import { newReference, newStatusToken } from './references';
import { isContactMethod, type Consultant, type ContactMethod } from '$lib/status/next-step';
import { countSteps } from './step-counts';

export interface IntakeReceipt {
	reference: string;
	statusToken: string;
	status: string;
}

export type IntakeResult =
	| { outcome: 'created'; receipt: IntakeReceipt }
	| { outcome: 'repeat'; receipt: IntakeReceipt }
	| { outcome: 'conflict' }
	/** The job it names does not exist. A paused or closed one still counts: the person may have applied offline before it closed. */
	| { outcome: 'unknown-posting' };

/** The same application sent twice hashes the same, whatever the key order. */
export function requestHash(application: Application): string {
	const canonical = JSON.stringify(application, (_key, value) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
			: value
	);
	return createHash('sha256').update(canonical).digest('base64url');
}

async function existing(db: Kysely<Database>, id: string) {
	return db
		.selectFrom('applications')
		.select(['request_hash', 'reference', 'status_token', 'status'])
		.where('id', '=', id)
		.executeTakeFirst();
}

function repeatOf(
	row: NonNullable<Awaited<ReturnType<typeof existing>>>,
	hash: string
): IntakeResult {
	if (row.request_hash !== hash) return { outcome: 'conflict' };
	return {
		outcome: 'repeat',
		receipt: { reference: row.reference, statusToken: row.status_token, status: row.status }
	};
}

/** Inside a transaction: screen one application, route it, store it with its first event. */
async function takeInWithin(trx: Kysely<Database>, application: Application, hash: string, now: Date): Promise<IntakeResult> {
	const inside = await existing(trx, application.id);
	if (inside) return repeatOf(inside, hash);
	if (application.postingId !== null) {
		const posting = await trx.selectFrom('postings').select('id').where('id', '=', application.postingId).executeTakeFirst();
		if (!posting) return { outcome: 'unknown-posting' };
	}

	const municipality = await trx
		.selectFrom('municipalities')
		.select('consultant_id')
		.where('code', '=', application.municipality)
		.executeTakeFirstOrThrow();

	let reference = newReference();
	while (await trx.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirst()) {
		reference = newReference();
	}
	const statusToken = newStatusToken();
	const screening = screen(application);
	const receivedAt = now.toISOString();
	const { voiceMessage, id, postingId, municipality: municipalityCode, language, createdAt, ...answers } = application;

	await trx
		.insertInto('applications')
		.values({
			id,
			request_hash: hash,
			reference,
			status_token: statusToken,
			status: 'received',
			posting_id: postingId,
			municipality_code: municipalityCode,
			consultant_id: municipality.consultant_id,
			screening_decision: screening.decision,
			screening_reasons: JSON.stringify(screening.reasons),
			answers: JSON.stringify(answers),
			language,
			created_at: createdAt,
			received_at: receivedAt,
			name_key: nameKey(answers.name),
			person_key: personKey(answers),
			follow_up_due_at: null
		})
		.execute();
	if (voiceMessage) {
		await trx
			.insertInto('voice_messages')
			.values({
				application_id: id,
				mime_type: voiceMessage.mimeType,
				duration_seconds: voiceMessage.durationSeconds,
				data_base64: voiceMessage.data
			})
			.execute();
	}
	await trx
		.insertInto('application_events')
		.values({
			id: randomUUID(),
			application_id: id,
			status: 'received',
			at: receivedAt,
			note: null,
			staff_id: null,
			public_note: null,
			details: null,
			outcome: null,
			municipality_code: municipalityCode
		})
		.execute();
	await countSteps(trx, [{ status: 'received', municipality_code: municipalityCode, at: receivedAt, outcome: null }]);
	return { outcome: 'created', receipt: { reference, statusToken, status: 'received' } };
}

/**
 * Takes in one application exactly once. In one transaction: screen it, route it to
 * the consultant of its municipality, store it with its first event. A repeat of the
 * same id gets the first answer again; the same id with another body is a conflict.
 * The transaction commits before the caller answers, so a 2xx means it is stored.
 */
export async function takeInApplication(
	db: Kysely<Database>,
	application: Application,
	now = new Date()
): Promise<IntakeResult> {
	const hash = requestHash(application);
	const earlier = await existing(db, application.id);
	if (earlier) return repeatOf(earlier, hash);

	try {
		return await db.transaction().execute((trx) => takeInWithin(trx, application, hash, now));
	} catch (error) {
		// Two copies raced: the other one committed first. Answer as for a repeat.
		const winner = await existing(db, application.id);
		if (winner) return repeatOf(winner, hash);
		throw error;
	}
}

/** Several applications in one transaction, each as `takeInApplication` would (a repeat within the batch included). */
export async function takeInApplications(
	db: Kysely<Database>,
	applications: Application[],
	now = new Date()
): Promise<IntakeResult[]> {
	return db.transaction().execute(async (trx) => {
		const results: IntakeResult[] = [];
		for (const application of applications) results.push(await takeInWithin(trx, application, requestHash(application), now));
		return results;
	});
}

const groups = new WeakMap<Kysely<Database>, GroupCommit<Application, IntakeResult>>();

/**
 * The API's way in. On SQLite, applications that arrive together share one commit
 * (group-commit.ts); PostgreSQL commits many transactions at once by itself.
 */
export function takeIn(open: OpenDatabase, application: Application): Promise<IntakeResult> {
	if (open.dialect !== 'sqlite') return takeInApplication(open.db, application);
	let group = groups.get(open.db);
	if (!group) {
		group = new GroupCommit(
			(applications) => takeInApplications(open.db, applications),
			(application) => takeInApplication(open.db, application)
		);
		groups.set(open.db, group);
	}
	return group.submit(application);
}

export interface PublicStatus {
	reference: string;
	status: string;
	postingTitle: string | null;
	receivedAt: string;
	steps: { status: string; at: string; publicNote: string | null }[];
	/** How the person wants to be contacted: the one answer the next step needs. */
	contactMethod: ContactMethod;
	/** The consultant of the person's municipality, who gets in touch. */
	consultant: Consultant;
}

/** What the applicant may see through the status link: no answers, no names but the consultant's first name. */
export async function statusByToken(db: Kysely<Database>, token: string): Promise<PublicStatus | undefined> {
	const application = await db
		.selectFrom('applications')
		.leftJoin('postings', 'postings.id', 'applications.posting_id')
		.innerJoin('consultants', 'consultants.id', 'applications.consultant_id')
		.select([
			'applications.id',
			'applications.reference',
			'applications.status',
			'applications.received_at',
			'applications.answers',
			'postings.title as posting_title',
			'consultants.first_name',
			'consultants.phone'
		])
		.where('applications.status_token', '=', token)
		.executeTakeFirst();
	if (!application) return undefined;
	const events = await db
		.selectFrom('application_events')
		.select(['status', 'at', 'public_note'])
		.where('application_id', '=', application.id)
		.orderBy('at')
		.execute();
	const steps = events.map((event) => ({ status: event.status, at: event.at, publicNote: event.public_note }));
	// Only the way of contact leaves the answers; the rest stays with the staff.
	const contactMethod = (JSON.parse(application.answers) as { contactMethod?: unknown }).contactMethod;
	return {
		reference: application.reference,
		status: application.status,
		postingTitle: application.posting_title,
		receivedAt: application.received_at,
		steps,
		contactMethod: isContactMethod(contactMethod) ? contactMethod : 'call',
		consultant: { firstName: application.first_name, phone: application.phone }
	};
}
