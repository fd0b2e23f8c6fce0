import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { canMove, followUpDue } from '$lib/staff/path';
import { audit } from './audit';
import { inScope } from './scope';
import { countSteps } from './step-counts';
import { eraseApplication } from './erasure';

/**
 * Applications as staff see them. Every function takes the staff member and keeps to
 * their scope: the secretariat sees all, a consultant only their own municipalities.
 */

function scoped(db: Kysely<Database>, staff: StaffMember) {
	const query = db
		.selectFrom('applications')
		.innerJoin('municipalities', 'municipalities.code', 'applications.municipality_code')
		.leftJoin('postings', 'postings.id', 'applications.posting_id');
	return inScope(query, staff, 'applications');
}

export interface CaseSummary {
	id: string;
	reference: string;
	status: string;
	screeningDecision: string;
	municipality: string;
	postingTitle: string | null;
	receivedAt: string;
	name: string;
}

export interface CaseStep {
	id: string;
	status: string;
	at: string;
	note: string | null;
	publicNote: string | null;
	details: Record<string, unknown> | null;
	staffName: string | null;
}

export interface CaseDetail extends CaseSummary {
	municipalityCode: string;
	postingId: string | null;
	screeningReasons: string[];
	answers: Record<string, unknown>;
	language: string;
	voice: { mimeType: string; durationSeconds: number } | null;
	steps: CaseStep[];
	consultant: { firstName: string; lastName: string };
	followUpDueAt: string | null;
}

export type CaseResult<T> = { ok: true; value: T } | { ok: false; reason: 'not-found' | 'forbidden' };

/** Whether the application exists at all, and whether this staff member may see it. */
async function access(db: Kysely<Database>, staff: StaffMember, id: string): Promise<'ok' | 'not-found' | 'forbidden'> {
	const row = await db.selectFrom('applications').select('consultant_id').where('id', '=', id).executeTakeFirst();
	if (!row) return 'not-found';
	if (staff.role === 'konsulent' && row.consultant_id !== staff.consultantId) return 'forbidden';
	if (staff.role === 'admin') return 'forbidden';
	return 'ok';
}

export async function getCase(db: Kysely<Database>, staff: StaffMember, id: string): Promise<CaseResult<CaseDetail>> {
	const allowed = await access(db, staff, id);
	if (allowed !== 'ok') {
		await audit(db, { staffId: staff.id, action: `read-refused-${allowed}`, applicationId: id });
		return { ok: false, reason: allowed };
	}
	const [row, voice, events] = await Promise.all([
		scoped(db, staff)
			.innerJoin('consultants', 'consultants.id', 'applications.consultant_id')
			.selectAll('applications')
			.select(['municipalities.name as municipality', 'postings.title as posting_title', 'consultants.first_name', 'consultants.last_name'])
			.where('applications.id', '=', id)
			.executeTakeFirstOrThrow(),
		db.selectFrom('voice_messages').select(['mime_type', 'duration_seconds']).where('application_id', '=', id).executeTakeFirst(),
		db
			.selectFrom('application_events')
			.leftJoin('staff', 'staff.id', 'application_events.staff_id')
			.select([
				'application_events.id',
				'application_events.status',
				'application_events.at',
				'application_events.note',
				'application_events.public_note',
				'application_events.details',
				'staff.name as staff_name'
			])
			.where('application_events.application_id', '=', id)
			.orderBy('application_events.at')
			.execute()
	]);
	await audit(db, { staffId: staff.id, action: 'read-application', applicationId: id });
	// The municipality is kept in its own column (for routing); the answers show it too.
	const answers: Record<string, unknown> = { ...(JSON.parse(row.answers) as Record<string, unknown>), municipality: row.municipality_code };
	const hired = events.find((event) => event.status === 'hired');
	const followedUp = events.some((event) => event.status === 'follow-up');
	return {
		ok: true,
		value: {
			id: row.id,
			reference: row.reference,
			status: row.status,
			screeningDecision: row.screening_decision,
			screeningReasons: JSON.parse(row.screening_reasons) as string[],
			municipality: row.municipality,
			municipalityCode: row.municipality_code,
			postingId: row.posting_id,
			postingTitle: row.posting_title,
			receivedAt: row.received_at,
			name: String(answers.name ?? ''),
			answers,
			language: row.language,
			voice: voice ? { mimeType: voice.mime_type, durationSeconds: Number(voice.duration_seconds) } : null,
			steps: events.map((event) => ({
				id: event.id,
				status: event.status,
				at: event.at,
				note: event.note,
				publicNote: event.public_note,
				details: event.details ? (JSON.parse(event.details) as Record<string, unknown>) : null,
				staffName: event.staff_name
			})),
			consultant: { firstName: row.first_name, lastName: row.last_name },
			followUpDueAt: hired && !followedUp ? followUpDue(hired.at) : null
		}
	};
}

export async function getVoice(db: Kysely<Database>, staff: StaffMember, id: string): Promise<CaseResult<{ mimeType: string; data: Buffer }>> {
	const allowed = await access(db, staff, id);
	if (allowed !== 'ok') return { ok: false, reason: allowed };
	const voice = await db.selectFrom('voice_messages').selectAll().where('application_id', '=', id).executeTakeFirst();
	if (!voice) return { ok: false, reason: 'not-found' };
	await audit(db, { staffId: staff.id, action: 'play-voice-message', applicationId: id });
	return { ok: true, value: { mimeType: voice.mime_type, data: Buffer.from(voice.data_base64, 'base64') } };
}

export interface NewStep {
	status: string;
	note?: string;
	publicNote?: string;
	details?: Record<string, unknown>;
	at?: string;
}

/** The hire type or the follow-up's outcome, kept in its own column for the figures. */
function outcomeOf(step: NewStep): string | null {
	const value = step.status === 'hired' ? step.details?.hireType : step.status === 'follow-up' ? step.details?.outcome : undefined;
	return typeof value === 'string' ? value : null;
}

/** Moves an application one step along the path, with a date and a note; refuses steps that do not follow. */
export async function recordStep(
	db: Kysely<Database>,
	staff: StaffMember,
	id: string,
	step: NewStep
): Promise<CaseResult<{ status: string }> | { ok: false; reason: 'bad-step' | 'bad-date' }> {
	const allowed = await access(db, staff, id);
	if (allowed !== 'ok') {
		await audit(db, { staffId: staff.id, action: `change-refused-${allowed}`, applicationId: id });
		return { ok: false, reason: allowed };
	}
	return db.transaction().execute(async (trx) => {
		const current = await trx.selectFrom('applications').select(['status', 'municipality_code']).where('id', '=', id).executeTakeFirstOrThrow();
		if (!canMove(current.status, step.status)) return { ok: false as const, reason: 'bad-step' as const };
		const now = new Date().toISOString();
		const at = step.at ?? now;
		// A step happens after the one before it, and not in the future: the path stays in order.
		const last = await trx
			.selectFrom('application_events')
			.select((eb) => eb.fn.max('at').as('at'))
			.where('application_id', '=', id)
			.executeTakeFirst();
		if ((last?.at && at.slice(0, 10) < String(last.at).slice(0, 10)) || at.slice(0, 10) > now.slice(0, 10)) {
			return { ok: false as const, reason: 'bad-date' as const };
		}
		await trx
			.insertInto('application_events')
			.values({
				id: randomUUID(),
				application_id: id,
				status: step.status,
				at,
				note: step.note?.trim() || null,
				staff_id: staff.id,
				public_note: step.publicNote?.trim() || null,
				details: step.details ? JSON.stringify(step.details) : null,
				outcome: outcomeOf(step),
				municipality_code: current.municipality_code
			})
			.execute();
		await countSteps(trx, [{ status: step.status, municipality_code: current.municipality_code, at, outcome: outcomeOf(step) }]);
		await trx
			.updateTable('applications')
			.set({ status: step.status, follow_up_due_at: step.status === 'hired' ? followUpDue(at) : null })
			.where('id', '=', id)
			.execute();
		await audit(trx, { staffId: staff.id, action: 'change-status', applicationId: id, detail: `${current.status} → ${step.status}` });
		return { ok: true as const, value: { status: step.status } };
	});
}

/** The follow-up list looks this far ahead: calls due in the next 4 weeks can be planned. */
export const FOLLOW_UP_HORIZON_DAYS = 28;
export const FOLLOW_UPS_PER_PAGE = 50;

export interface FollowUpRow {
	id: string;
	reference: string;
	name: string;
	municipality: string;
	hiredAt: string | null;
	dueAt: string;
	overdue: boolean;
}

/**
 * Hired people whose 6-month call is due, overdue or due within 4 weeks, oldest due first,
 * one page at a time. A range on the index of (status, follow_up_due_at): the database
 * counts and pages; only the page's rows are read.
 */
export async function followUpsDue(
	db: Kysely<Database>,
	staff: StaffMember,
	options: { now?: Date; page?: number; perPage?: number } = {}
): Promise<{ rows: FollowUpRow[]; total: number; page: number; perPage: number }> {
	const now = options.now ?? new Date();
	const perPage = options.perPage ?? FOLLOW_UPS_PER_PAGE;
	const horizon = new Date(now.getTime() + FOLLOW_UP_HORIZON_DAYS * 86_400_000).toISOString();
	const due = inScope(
		db.selectFrom('applications').where('applications.status', '=', 'hired').where('applications.follow_up_due_at', '<=', horizon),
		staff,
		'applications'
	);
	const total = Number((await due.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
	const rows = await due
		.innerJoin('municipalities', 'municipalities.code', 'applications.municipality_code')
		.select([
			'applications.id',
			'applications.reference',
			'applications.answers',
			'applications.follow_up_due_at',
			'municipalities.name as municipality',
			(eb) =>
				eb
					.selectFrom('application_events')
					.select((inner) => inner.fn.max('application_events.at').as('at'))
					.whereRef('application_events.application_id', '=', 'applications.id')
					.where('application_events.status', '=', 'hired')
					.as('hired_at')
		])
		.orderBy('applications.follow_up_due_at')
		.orderBy('applications.id')
		.limit(perPage)
		.offset((page - 1) * perPage)
		.execute();
	const nowIso = now.toISOString();
	return {
		total,
		page,
		perPage,
		rows: rows.map((row) => ({
			id: row.id,
			reference: row.reference,
			name: String((JSON.parse(row.answers) as { name?: string }).name ?? ''),
			municipality: row.municipality,
			hiredAt: row.hired_at ? String(row.hired_at) : null,
			dueAt: row.follow_up_due_at!,
			overdue: row.follow_up_due_at! <= nowIso
		}))
	};
}

/**
 * Erases an application when the person asks staff to (erasure.ts): only the secretariat
 * may. A consultant's try is refused and logged.
 */
export async function eraseCase(db: Kysely<Database>, staff: StaffMember, id: string): Promise<CaseResult<null>> {
	const allowed = staff.role === 'sekretariat' ? await access(db, staff, id) : 'forbidden';
	if (allowed !== 'ok') {
		await audit(db, { staffId: staff.id, action: `erase-refused-${allowed}`, applicationId: id });
		return { ok: false, reason: allowed };
	}
	const erased = await db.transaction().execute((trx) =>
		eraseApplication(trx, { applicationId: id, kind: 'erased', action: 'erase', staffId: staff.id, reason: 'on request' })
	);
	return erased ? { ok: true, value: null } : { ok: false, reason: 'not-found' };
}
