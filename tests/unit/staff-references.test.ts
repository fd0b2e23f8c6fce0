import { describe, expect, test } from 'vitest';
import { unknownPostingReferences } from '$lib/server/postings-admin';
import { consultantExists, isLastActiveAdmin } from '$lib/server/accounts';
import type { PostingForm } from '$lib/staff/posting-form';
import { backends, useSeededDatabase } from './backends';

describe.each(backends)('ids from staff forms on $name', (backend) => {
	const database = useSeededDatabase(backend);

	async function validForm(): Promise<PostingForm> {
		const { db } = database();
		const description = await db.selectFrom('descriptions').select('id').orderBy('id').executeTakeFirstOrThrow();
		const tasks = await db.selectFrom('tasks').select('id').orderBy('id').limit(3).execute();
		return {
			description: description.id,
			title: 'Pak varer',
			employer: 'Butikken',
			place: 'Slagelse',
			municipality: '330',
			hoursPerWeek: 10,
			eligibility: 'fortidspension',
			tasks: tasks.map((task) => task.id)
		};
	}

	test('a posting with a description and tasks that exist has no unknown ids', async () => {
		expect(await unknownPostingReferences(database().db, await validForm())).toEqual({});
	});

	test('an unknown description or task is a field error, not a crash', async () => {
		const form = await validForm();
		expect(await unknownPostingReferences(database().db, { ...form, description: 'no-such-description' })).toEqual({
			description: 'staff.postings.errors.unknownDescription'
		});
		expect(await unknownPostingReferences(database().db, { ...form, tasks: [...form.tasks, 'no-such-task'] })).toEqual({
			tasks: 'staff.postings.errors.unknownTask'
		});
	});

	test('a consultant account must name a consultant that exists', async () => {
		const consultant = await database().db.selectFrom('consultants').select('id').executeTakeFirstOrThrow();
		expect(await consultantExists(database().db, consultant.id)).toBe(true);
		expect(await consultantExists(database().db, 'no-such-consultant')).toBe(false);
	});

	test('the last open admin account cannot be closed; one of two can', async () => {
		const { db } = database();
		await db.updateTable('staff').set({ disabled: 1 }).where('role', '=', 'admin').execute();
		const admin = (id: string) => ({
			id,
			email: `${id}@example.dk`,
			name: id,
			role: 'admin',
			consultant_id: null,
			password_hash: 'x',
			disabled: 0,
			created_at: new Date().toISOString()
		});
		await db.insertInto('staff').values([admin('admin-a'), admin('admin-b')]).execute();
		expect(await isLastActiveAdmin(db, 'admin-a')).toBe(false);
		await db.updateTable('staff').set({ disabled: 1 }).where('id', '=', 'admin-b').execute();
		expect(await isLastActiveAdmin(db, 'admin-a')).toBe(true);
		// Opening again is always allowed, and other roles are not counted.
		expect(await isLastActiveAdmin(db, 'admin-b')).toBe(false);
		expect(await isLastActiveAdmin(db, 'no-such-account')).toBe(false);
	});
});
