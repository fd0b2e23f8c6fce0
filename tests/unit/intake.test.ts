import { describe, expect, test } from 'vitest';
import { applicationSchema } from '$lib/application/schema';
import { statusByToken, takeInApplication } from '$lib/server/intake';
import { backends, useSeededDatabase } from './backends';
import { validApplication } from './fixtures';

describe.each(backends)('intake on $name', (backend) => {
	const database = useSeededDatabase(backend);

	const count = async (id: string) =>
		Number(
			(
				await database().db
					.selectFrom('applications')
					.select((eb) => eb.fn.countAll<string | number>().as('n'))
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).n
		);

	test('a new application is stored once, screened and routed to the consultant of its municipality', async () => {
		const application = applicationSchema.parse(validApplication());
		const result = await takeInApplication(database().db, application);
		expect(result.outcome).toBe('created');
		if (result.outcome !== 'created') return;
		expect(result.receipt.reference).toMatch(/^[A-Z]{3}-\d{3}$/);
		expect(result.receipt.status).toBe('received');

		const row = await database().db.selectFrom('applications').selectAll().where('id', '=', application.id).executeTakeFirstOrThrow();
		const municipality = await database().db.selectFrom('municipalities').select('consultant_id').where('code', '=', '330').executeTakeFirstOrThrow();
		expect(row.consultant_id).toBe(municipality.consultant_id);
		expect(row.screening_decision).toBe('skaanejob');
		expect(JSON.parse(row.screening_reasons)).toEqual(['pension-yes']);
	});

	test('the same application sent again gets the same answer and no second row', async () => {
		const application = applicationSchema.parse(validApplication());
		const first = await takeInApplication(database().db, application);
		const again = await takeInApplication(database().db, { ...application });
		expect(again.outcome).toBe('repeat');
		if (first.outcome === 'conflict' || again.outcome === 'conflict') throw new Error('unexpected conflict');
		expect(again.receipt).toEqual(first.receipt);
		expect(await count(application.id)).toBe(1);
	});

	test('ten copies sent at the same moment are stored once', async () => {
		const application = applicationSchema.parse(validApplication());
		const results = await Promise.all(Array.from({ length: 10 }, () => takeInApplication(database().db, application)));
		expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
		expect(results.filter((r) => r.outcome === 'repeat')).toHaveLength(9);
		expect(await count(application.id)).toBe(1);
	});

	test('the same id with other answers is a conflict, and the first stays', async () => {
		const application = applicationSchema.parse(validApplication());
		await takeInApplication(database().db, application);
		const changed = await takeInApplication(database().db, { ...application, name: 'En Anden' });
		expect(changed.outcome).toBe('conflict');
		const row = await database().db.selectFrom('applications').select('answers').where('id', '=', application.id).executeTakeFirstOrThrow();
		expect(JSON.parse(row.answers).name).toBe('Testperson Hansen');
	});

	test('a voice message is stored beside the application', async () => {
		const application = applicationSchema.parse(
			validApplication({ voiceMessage: { mimeType: 'audio/webm;codecs=opus', durationSeconds: 3, data: 'AAAA' } })
		);
		await takeInApplication(database().db, application);
		const voice = await database().db.selectFrom('voice_messages').selectAll().where('application_id', '=', application.id).executeTakeFirstOrThrow();
		expect(voice.data_base64).toBe('AAAA');
		const row = await database().db.selectFrom('applications').select('answers').where('id', '=', application.id).executeTakeFirstOrThrow();
		expect(row.answers).not.toContain('AAAA');
	});

	test('the status link shows the status and its steps, and no personal data', async () => {
		const application = applicationSchema.parse(validApplication());
		const result = await takeInApplication(database().db, application);
		if (result.outcome === 'conflict') throw new Error('unexpected conflict');
		const status = await statusByToken(database().db, result.receipt.statusToken);
		expect(status).toMatchObject({ reference: result.receipt.reference, status: 'received', postingTitle: 'Pak brød i bageren' });
		expect(status!.steps.map((s) => s.status)).toEqual(['received']);
		expect(JSON.stringify(status)).not.toContain('Testperson');
		expect(await statusByToken(database().db, 'not-a-token')).toBeUndefined();
	});
});
