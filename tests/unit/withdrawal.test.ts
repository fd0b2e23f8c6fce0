import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { describe, expect, test } from 'vitest';
import { migrateToLatest, openDatabase } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { seedIfEmpty } from '$lib/server/db/seed';
import { applicationSchema, type ApplicationInput } from '$lib/application/schema';
import { statusByToken, takeInApplication } from '$lib/server/intake';
import { eraseCase, recordStep } from '$lib/server/cases';
import { deleteExpiredApplications } from '$lib/server/retention';
import { withdrawApplication } from '$lib/server/withdrawal';
import { erasedByToken } from '$lib/server/erasure';
import { keyFigures } from '$lib/server/numbers';
import { parsePeriod, type Period } from '$lib/staff/period';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { fakeVoice, validApplication } from './fixtures';

const secretariat: StaffMember = { id: 'staff-1', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };
const consultant: StaffMember = { id: 'staff-2', email: 'k@x', name: 'K', role: 'konsulent', consultantId: 'c01' };
const NOW = new Date('2026-12-01T12:00:00Z');

function period(query: string): Period {
	const result = parsePeriod(new URLSearchParams(query), NOW);
	if (!result.ok) throw new Error(result.message);
	return result.period;
}

async function arrive(db: Kysely<Database>, at: string, overrides: Partial<ApplicationInput> = {}) {
	const application = applicationSchema.parse(validApplication({ voiceMessage: fakeVoice(2), ...overrides }));
	const result = await takeInApplication(db, application, new Date(at));
	if (result.outcome !== 'created') throw new Error(result.outcome);
	return { id: application.id, token: result.receipt.statusToken };
}

/** Along the path to a job and its follow-up, on the given days of 2025. */
async function hire(db: Kysely<Database>, id: string) {
	for (const [status, at] of [
		['screened', '2025-01-12'],
		['conversation', '2025-01-20'],
		['internship', '2025-02-01'],
		['hired', '2025-03-01'],
		['follow-up', '2025-09-01']
	] as const) {
		const details = status === 'hired' ? { hireType: 'skaanejob', employer: 'Netto', hours: 9 } : status === 'follow-up' ? { outcome: 'same-job', wellbeing: 'good' } : undefined;
		const result = await recordStep(db, secretariat, id, { status, at: `${at}T10:00:00.000Z`, note: 'Ringede til Anna Personsen', details });
		expect(result.ok, status).toBe(true);
	}
}

/** Everything the figures say about a period, without the waiting count (that is "now", not the period). */
async function figures(db: Kysely<Database>, query: string) {
	const { waiting: _waiting, ...rest } = await keyFigures(db, secretariat, period(query));
	return rest;
}

describe.each(backends)('withdrawal and erasure on $name', (backend) => {
	const database = useSeededDatabase(backend);
	const db = () => database().db;

	test('a withdrawal deletes the name, phone, answers, voice message and helper contact at once, and the status link says so', async () => {
		const { id, token } = await arrive(db(), '2026-11-20T10:00:00.000Z', {
			name: 'Vera Trækmigud',
			filledBy: 'helper',
			helper: { name: 'Hanne Hjælpersen', role: 'bosted', phone: '31 32 33 34' }
		});
		const withdrawalId = randomUUID();
		expect(await withdrawApplication(db(), { id: withdrawalId, token })).toEqual({ outcome: 'created' });

		expect(await db().selectFrom('applications').select('id').where('id', '=', id).execute()).toEqual([]);
		expect(await db().selectFrom('voice_messages').select('application_id').where('application_id', '=', id).execute()).toEqual([]);
		expect(await db().selectFrom('application_events').select('id').where('application_id', '=', id).execute()).toEqual([]);
		expect(await statusByToken(db(), token)).toBeUndefined();
		expect(await erasedByToken(db(), token)).toBe('withdrawn');

		const log = await db().selectFrom('audit_log').selectAll().where('application_id', '=', id).execute();
		expect(log.map((row) => row.action)).toEqual(['withdraw']);
		const everything = JSON.stringify([log, await db().selectFrom('withdrawals').selectAll().execute(), await db().selectFrom('application_events').selectAll().execute()]);
		for (const trace of ['Trækmigud', 'Hjælpersen', '31323334', '21436587', token]) expect(everything, trace).not.toContain(trace);
	});

	test('a repeat of the same withdrawal is 200 and stored once; an unknown token is 404; another token under the same id is a conflict', async () => {
		const { token } = await arrive(db(), '2026-11-21T10:00:00.000Z');
		const withdrawalId = randomUUID();
		expect(await withdrawApplication(db(), { id: withdrawalId, token })).toEqual({ outcome: 'created' });
		expect(await withdrawApplication(db(), { id: withdrawalId, token })).toEqual({ outcome: 'repeat', kind: 'withdrawn' });
		// From another phone, with its own id: already done.
		expect(await withdrawApplication(db(), { id: randomUUID(), token })).toEqual({ outcome: 'repeat', kind: 'withdrawn' });
		expect(await db().selectFrom('withdrawals').select('id').execute()).toContainEqual({ id: withdrawalId });
		expect((await db().selectFrom('withdrawals').select('id').where('id', '=', withdrawalId).execute()).length).toBe(1);
		expect(await withdrawApplication(db(), { id: randomUUID(), token: 'x'.repeat(32) })).toEqual({ outcome: 'unknown-token' });
		const other = await arrive(db(), '2026-11-21T11:00:00.000Z');
		expect(await withdrawApplication(db(), { id: withdrawalId, token: other.token })).toEqual({ outcome: 'conflict' });
	});

	test('concurrent copies of one withdrawal leave one row and one erasure', async () => {
		const { id, token } = await arrive(db(), '2026-11-22T10:00:00.000Z');
		const withdrawalId = randomUUID();
		const results = await Promise.all(Array.from({ length: 6 }, () => withdrawApplication(db(), { id: withdrawalId, token })));
		expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
		expect(results.filter((r) => r.outcome === 'repeat')).toHaveLength(5);
		expect(await db().selectFrom('withdrawals').select('id').where('id', '=', withdrawalId).execute()).toHaveLength(1);
		expect(await db().selectFrom('audit_log').select('id').where('application_id', '=', id).where('action', '=', 'withdraw').execute()).toHaveLength(1);
	});

	test('only the secretariat erases on request; the queue and the case then know it no more', async () => {
		const { id, token } = await arrive(db(), '2026-11-23T10:00:00.000Z', { municipality: '101' });
		expect(await eraseCase(db(), consultant, id)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await db().selectFrom('applications').select('id').where('id', '=', id).execute()).toHaveLength(1);
		expect(await eraseCase(db(), secretariat, id)).toEqual({ ok: true, value: null });
		expect(await db().selectFrom('applications').select('id').where('id', '=', id).execute()).toEqual([]);
		expect(await erasedByToken(db(), token)).toBe('erased');
		expect(await eraseCase(db(), secretariat, id)).toEqual({ ok: false, reason: 'not-found' });
		const actions = (await db().selectFrom('audit_log').select('action').where('application_id', '=', id).orderBy('at').execute()).map((row) => row.action);
		expect(actions).toEqual(['erase-refused-forbidden', 'erase', 'erase-refused-not-found']);
	});

	test('the figures for a past year are the same after withdrawal, erasure and retention', async () => {
		const withdrawn = await arrive(db(), '2025-01-10T10:00:00.000Z');
		const erased = await arrive(db(), '2025-01-10T11:00:00.000Z');
		const expired = await arrive(db(), '2025-01-10T12:00:00.000Z');
		const rejected = await arrive(db(), '2025-01-10T13:00:00.000Z');
		for (const one of [withdrawn, erased, expired]) await hire(db(), one.id);
		await recordStep(db(), secretariat, rejected.id, { status: 'outside-target-group', publicNote: 'Ring til jobcentret.', at: '2025-01-12T10:00:00.000Z' });
		const before = await figures(db(), 'periode=last-year');
		const beforeMarch = await figures(db(), 'periode=month&maaned=2025-03');
		expect(before.total.hires.skaanejob).toBeGreaterThanOrEqual(3);

		expect((await withdrawApplication(db(), { id: randomUUID(), token: withdrawn.token })).outcome).toBe('created');
		expect((await eraseCase(db(), secretariat, erased.id)).ok).toBe(true);
		// Two years after the follow-up the hired one goes too, the rejected one long before.
		const result = await deleteExpiredApplications(db(), 12, new Date('2027-09-02T00:00:00.000Z'), 24);
		expect(result.deleted).toBeGreaterThanOrEqual(2);
		const left = (await db().selectFrom('applications').select('id').execute()).map((row) => row.id);
		for (const one of [withdrawn, erased, expired, rejected]) expect(left).not.toContain(one.id);

		expect(await figures(db(), 'periode=last-year')).toEqual(before);
		expect(await figures(db(), 'periode=month&maaned=2025-03')).toEqual(beforeMarch);
		// The steps that stay say nothing of the person or the staff.
		const steps = await db().selectFrom('application_events').selectAll().where('at', '<', '2026-01-01').execute();
		expect(JSON.stringify(steps)).not.toContain('Personsen');
		expect(JSON.stringify(steps)).not.toContain('Netto');
	});

	test('retention keeps a hired application until RETENTION_HIRED_MONTHS after its follow-up or close', async () => {
		const hired = await arrive(db(), '2025-01-10T10:00:00.000Z');
		await hire(db(), hired.id);
		// Follow-up on 2025-09-01: 24 months later is 2027-09-01.
		await deleteExpiredApplications(db(), 12, new Date('2027-08-15T00:00:00.000Z'), 24);
		expect(await db().selectFrom('applications').select('id').where('id', '=', hired.id).execute()).toHaveLength(1);
		await deleteExpiredApplications(db(), 12, new Date('2027-09-15T00:00:00.000Z'), 24);
		expect(await db().selectFrom('applications').select('id').where('id', '=', hired.id).execute()).toEqual([]);
		expect(await erasedByToken(db(), hired.token)).toBe('erased');
	});
});

test('SQLite: after withdrawal, erasure and retention the file holds neither the name nor the phone', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-withdrawn-'));
	const file = path.join(dir, 'app.db');
	const { db } = openDatabase({ dialect: 'sqlite', path: file });
	try {
		await migrateToLatest(db);
		await seedIfEmpty(db);
		const people = [
			{ name: 'Wilma Trækkersen', phone: '98 76 54 11' },
			{ name: 'Egon Sletteborg', phone: '98 76 54 22' },
			{ name: 'Rita Gemtlænge', phone: '98 76 54 33' }
		];
		const made: { id: string; token: string }[] = [];
		for (const person of people) made.push(await arrive(db, '2025-01-10T10:00:00.000Z', person));
		for (const one of made) await hire(db, one.id);
		await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
		const holds = (text: string) => fs.readFileSync(file).includes(Buffer.from(text));
		// The test can see the data while it is there.
		expect(holds('Trækkersen')).toBe(true);
		expect(holds('Ringede til Anna Personsen')).toBe(true);

		expect((await withdrawApplication(db, { id: randomUUID(), token: made[0]!.token })).outcome).toBe('created');
		expect((await eraseCase(db, secretariat, made[1]!.id)).ok).toBe(true);
		expect((await deleteExpiredApplications(db, 12, new Date('2027-10-01T00:00:00.000Z'), 24)).deleted).toBe(1);
		await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
		for (const person of people) {
			const lastName = person.name.split(' ')[1]!;
			for (const trace of [lastName, lastName.toLowerCase(), person.phone.replace(/ /g, ''), person.phone]) expect(holds(trace), trace).toBe(false);
		}
		expect(holds('Ringede til Anna Personsen')).toBe(false);
		expect(fs.statSync(`${file}-wal`).size).toBe(0);
	} finally {
		await db.destroy();
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
