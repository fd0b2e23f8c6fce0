import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { migrateToLatest, openDatabase } from '$lib/server/db';
import { seedIfEmpty } from '$lib/server/db/seed';
import { applicationSchema } from '$lib/application/schema';
import { takeInApplication } from '$lib/server/intake';
import { recordStep } from '$lib/server/cases';
import { deleteExpiredApplications } from '$lib/server/retention';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { fakeVoice, validApplication } from './fixtures';

const secretariat: StaffMember = { id: 'staff-1', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

describe.each(backends)('retention on $name', (backend) => {
	const database = useSeededDatabase(backend);

	async function arrive(receivedAt: string, name: string) {
		const application = applicationSchema.parse(
			validApplication({ name, voiceMessage: fakeVoice(2) })
		);
		await takeInApplication(database().db, application, new Date(receivedAt));
		return application.id;
	}

	test('old applications without a job are gone, hired ones stay, and the log says so without names', async () => {
		const rejected = await arrive('2025-01-10T10:00:00.000Z', 'Gammel Afvist');
		const hired = await arrive('2025-01-11T10:00:00.000Z', 'Gammel Ansat');
		const recent = await arrive('2026-10-01T10:00:00.000Z', 'Ny Ansøger');
		await recordStep(database().db, secretariat, rejected, { status: 'outside-target-group', publicNote: 'Ring til jobcentret.', at: '2025-01-12T10:00:00.000Z' });
		for (const [status, at] of [['screened', '2025-01-12'], ['conversation', '2025-01-20'], ['hired', '2025-02-20']] as const) {
			const result = await recordStep(database().db, secretariat, hired, { status, at: `${at}T10:00:00.000Z`, details: status === 'hired' ? { hireType: 'skaanejob', employer: 'Netto', hours: 9 } : undefined });
			expect(result.ok).toBe(true);
		}

		const result = await deleteExpiredApplications(database().db, 12, new Date('2026-11-24T00:00:00.000Z'));
		expect(result).toEqual({ deleted: 1, kept: 1 });

		const ids = (await database().db.selectFrom('applications').select('id').execute()).map((row) => row.id);
		expect(ids).not.toContain(rejected);
		expect(ids).toContain(hired);
		expect(ids).toContain(recent);
		expect(await database().db.selectFrom('voice_messages').select('application_id').where('application_id', '=', rejected).execute()).toEqual([]);
		expect(await database().db.selectFrom('application_events').select('id').where('application_id', '=', rejected).execute()).toEqual([]);

		const log = await database().db.selectFrom('audit_log').selectAll().where('action', '=', 'retention-delete').execute();
		expect(log).toHaveLength(1);
		expect(log[0]!.application_id).toBe(rejected);
		expect(log[0]!.detail).toContain('outside-target-group');
		expect(JSON.stringify(log)).not.toContain('Gammel');
		expect(JSON.stringify(log)).not.toContain('jobcentret');
	});
});

test('SQLite: after retention the database file holds neither the name nor the phone (secure_delete)', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-erased-'));
	const file = path.join(dir, 'app.db');
	const { db } = openDatabase({ dialect: 'sqlite', path: file });
	try {
		await migrateToLatest(db);
		await seedIfEmpty(db);
		const application = applicationSchema.parse(validApplication({ name: 'Zelda Sletmigsen', phone: '98 76 54 31' }));
		await takeInApplication(db, application, new Date('2025-01-10T10:00:00.000Z'));
		await recordStep(db, secretariat, application.id, { status: 'outside-target-group', publicNote: 'Ring til jobcentret.', at: '2025-01-12T10:00:00.000Z' });
		await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
		const holds = (text: string) => fs.readFileSync(file).includes(Buffer.from(text));
		// The test can see the data while it is there.
		expect(holds('Sletmigsen')).toBe(true);

		expect(await deleteExpiredApplications(db, 12, new Date('2026-11-24T00:00:00.000Z'))).toEqual({ deleted: 1, kept: 0 });
		await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
		for (const trace of ['Sletmigsen', 'sletmigsen', '98765431', '98 76 54 31']) expect(holds(trace), trace).toBe(false);
		expect(fs.statSync(`${file}-wal`).size).toBe(0);
	} finally {
		await db.destroy();
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
