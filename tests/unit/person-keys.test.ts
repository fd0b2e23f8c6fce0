import { describe, expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { backends } from './backends';
import { migrateToLatest } from '$lib/server/db';
import { migrationProvider } from '$lib/server/db/migrations';
import { nameKey, personKey, phoneKey } from '$lib/server/person';

describe('person keys', () => {
	it('a name is searched in lower case with single spaces', () => {
		expect(nameKey('  Anna   JENSEN ')).toBe('anna jensen');
		expect(nameKey('Søren Østergård')).toBe('søren østergård');
	});
	it('a phone is taken as the form takes it', () => {
		expect(phoneKey('+45 21 43 65 87')).toBe('21436587');
		expect(phoneKey('0045-21436587')).toBe('21436587');
		expect(phoneKey('2143658')).toBeNull();
	});
	it('one person: their phone, else their helper\'s phone with their name', () => {
		expect(personKey({ name: 'Anna', phone: '21 43 65 87' })).toBe('tel:21436587');
		expect(personKey({ name: 'Anna  Jensen', helper: { name: 'Bo', phone: '31 42 53 64' } })).toBe('helper:31425364:anna jensen');
		expect(personKey({ name: 'Anna' })).toBeNull();
	});
});

for (const backend of backends) {
	describe(`the migration to person keys (${backend.name})`, () => {
		it('fills the keys, the outcome and the follow-up date for what was stored before it', async () => {
			const { database, cleanup } = await backend.open();
			try {
				const db = database.db as never as import('kysely').Kysely<any>;
				const migrator = new Migrator({ db, provider: migrationProvider });
				const before = await migrator.migrateTo('2026-12-02-005-task-pictures');
				expect(before.error).toBeUndefined();
				// Only what the applications point at: today's seed writes columns this old schema lacks.
				await db.insertInto('consultants').values({ id: 'c01', first_name: 'Mette', last_name: 'Holm', phone: '12345678', email: 'm@example.dk' }).execute();
				await db.insertInto('municipalities').values({ code: '101', name: 'København', region: 'Hovedstaden', agreement: 'yes', consultant_id: 'c01' }).execute();
				const row = (id: string, status: string, answers: object) => ({
					id, request_hash: id, reference: `REF-${id}`, status_token: `token-${id}`, status, posting_id: null, municipality_code: '101',
					consultant_id: 'c01', screening_decision: 'skaanejob', screening_reasons: '[]', answers: JSON.stringify(answers),
					language: 'da', created_at: '2026-01-01T00:00:00.000Z', received_at: '2026-01-01T00:00:00.000Z'
				});
				const consultant = (await db.selectFrom('municipalities').select('consultant_id').where('code', '=', '101').executeTakeFirstOrThrow()).consultant_id;
				await db.insertInto('applications').values([
					{ ...row('a1', 'hired', { name: 'Anna  Jensen', phone: '+45 21 43 65 87' }), consultant_id: consultant },
					{ ...row('a2', 'received', { name: 'Bo Berg', helper: { name: 'H', phone: '31425364' } }), consultant_id: consultant }
				]).execute();
				await db.insertInto('application_events').values([
					{ id: 'e1', application_id: 'a1', status: 'hired', at: '2026-03-01T12:00:00.000Z', note: null, staff_id: null, public_note: null, details: '{"hireType":"fleksjob"}' }
				]).execute();
				await migrateToLatest(database.db);
				const rows = await database.db.selectFrom('applications').select(['id', 'name_key', 'person_key', 'follow_up_due_at']).orderBy('id').execute();
				expect(rows).toEqual([
					{ id: 'a1', name_key: 'anna jensen', person_key: 'tel:21436587', follow_up_due_at: '2026-09-01T12:00:00.000Z' },
					{ id: 'a2', name_key: 'bo berg', person_key: 'helper:31425364:bo berg', follow_up_due_at: null }
				]);
				expect((await database.db.selectFrom('application_events').select('outcome').where('id', '=', 'e1').executeTakeFirstOrThrow()).outcome).toBe('fleksjob');
			} finally {
				await cleanup();
			}
		}, 60_000);
	});
}
