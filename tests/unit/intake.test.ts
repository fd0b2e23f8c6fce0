import { describe, expect, test } from 'vitest';
import { applicationSchema } from '$lib/application/schema';
import { statusByToken, takeIn, takeInApplication } from '$lib/server/intake';
import { GroupCommit } from '$lib/server/group-commit';
import { backends, useSeededDatabase } from './backends';
import { fakeVoice, validApplication } from './fixtures';

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
		if (!('receipt' in first) || !('receipt' in again)) throw new Error('unexpected outcome');
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

	test('applications arriving together are each answered as if alone: new, repeat and conflict', async () => {
		const applications = Array.from({ length: 20 }, () => applicationSchema.parse(validApplication()));
		const results = await Promise.all([
			...applications.map((application) => takeIn(database(), application)),
			takeIn(database(), { ...applications[0]! }),
			takeIn(database(), { ...applications[1]!, name: 'En Anden' })
		]);
		expect(results.slice(0, 20).every((result) => result.outcome === 'created')).toBe(true);
		expect(results[20]).toEqual({ outcome: 'repeat', receipt: (results[0] as { receipt: unknown }).receipt });
		expect(results[21]!.outcome).toBe('conflict');
		for (const application of applications) expect(await count(application.id)).toBe(1);
	});

	test('one application that cannot be stored does not take the others down with it', async () => {
		const good = Array.from({ length: 3 }, () => applicationSchema.parse(validApplication()));
		const bad = { ...applicationSchema.parse(validApplication()), municipality: '999' };
		const results = await Promise.allSettled([...good, bad].map((application) => takeIn(database(), application)));
		expect(results.slice(0, 3).map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
		expect(results[3]!.status).toBe('rejected');
		for (const application of good) expect(await count(application.id)).toBe(1);
		expect(await count(bad.id)).toBe(0);
	});

	test('an application for a job that does not exist is refused and not stored; a closed job still takes it', async () => {
		const unknown = applicationSchema.parse(validApplication({ postingId: 'p9999999' }));
		expect(await takeInApplication(database().db, unknown)).toEqual({ outcome: 'unknown-posting' });
		expect(await count(unknown.id)).toBe(0);

		await database().db.updateTable('postings').set({ status: 'closed' }).where('id', '=', 'p0002').execute();
		const closed = applicationSchema.parse(validApplication({ postingId: 'p0002' }));
		expect((await takeInApplication(database().db, closed)).outcome).toBe('created');
	});

	test('a voice message is stored beside the application', async () => {
		const application = applicationSchema.parse(
			validApplication({ voiceMessage: fakeVoice(3) })
		);
		await takeInApplication(database().db, application);
		const voice = await database().db.selectFrom('voice_messages').selectAll().where('application_id', '=', application.id).executeTakeFirstOrThrow();
		expect(voice.data_base64).toBe(application.voiceMessage!.data);
		const row = await database().db.selectFrom('applications').select('answers').where('id', '=', application.id).executeTakeFirstOrThrow();
		expect(row.answers).not.toContain(application.voiceMessage!.data.slice(0, 16));
	});

	test('the status link shows the status and its steps, and no personal data', async () => {
		const application = applicationSchema.parse(validApplication());
		const result = await takeInApplication(database().db, application);
		if (!('receipt' in result)) throw new Error('unexpected outcome');
		const status = await statusByToken(database().db, result.receipt.statusToken);
		expect(status).toMatchObject({ reference: result.receipt.reference, status: 'received', postingTitle: 'Pak brød i bageren' });
		expect(status!.steps.map((s) => s.status)).toEqual(['received']);
		expect(JSON.stringify(status)).not.toContain('Testperson');
		expect(JSON.stringify(status)).not.toContain('21436587');
		expect(await statusByToken(database().db, 'not-a-token')).toBeUndefined();
	});

	test('the status link tells the way of contact and the consultant of the municipality, for the next step', async () => {
		const application = applicationSchema.parse(validApplication({ contactMethod: 'sms', municipality: '751' }));
		const result = await takeInApplication(database().db, application);
		if (!('receipt' in result)) throw new Error('unexpected outcome');
		const consultant = await database().db
			.selectFrom('municipalities')
			.innerJoin('consultants', 'consultants.id', 'municipalities.consultant_id')
			.select(['consultants.first_name', 'consultants.phone'])
			.where('municipalities.code', '=', '751')
			.executeTakeFirstOrThrow();
		const status = await statusByToken(database().db, result.receipt.statusToken);
		expect(status!.contactMethod).toBe('sms');
		expect(status!.consultant).toEqual({ firstName: consultant.first_name, phone: consultant.phone });
		// Nothing else from the answers: no municipality, no hours, no likes.
		expect(Object.keys(status!).sort()).toEqual(['consultant', 'contactMethod', 'postingTitle', 'receivedAt', 'reference', 'status', 'steps']);
	});
});

describe('GroupCommit', () => {
	test('items that arrive together go as one batch; later ones wait for the next', async () => {
		const batches: number[][] = [];
		const group = new GroupCommit<number, number>(
			async (items) => {
				batches.push(items);
				await new Promise((resolve) => setTimeout(resolve, 20));
				return items.map((item) => item * 2);
			},
			async (item) => item * 2
		);
		const first = [1, 2, 3].map((item) => group.submit(item));
		await new Promise((resolve) => setTimeout(resolve, 5));
		const second = [4, 5].map((item) => group.submit(item));
		expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10]);
		expect(batches).toEqual([
			[1, 2, 3],
			[4, 5]
		]);
	});

	test('a failed batch is done again one by one, and only the bad item fails', async () => {
		const group = new GroupCommit<number, number>(
			async () => {
				throw new Error('batch failed');
			},
			async (item) => {
				if (item === 2) throw new Error('bad item');
				return item;
			}
		);
		const results = await Promise.allSettled([1, 2, 3].map((item) => group.submit(item)));
		expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
	});
});
