import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/**
 * Fills the database up to `count` postings by copying the seeded ones with new ids
 * (x00001 …), in batches, with their tasks. Every 7th copy is paused, so lists see both.
 * Returns the ids made.
 */
export async function addPostingCopies(db: Kysely<Database>, count: number, options: { withTasks?: boolean } = {}): Promise<string[]> {
	const seeded = await db.selectFrom('postings').selectAll().where('id', 'like', 'p%').orderBy('id').execute();
	const tasks = options.withTasks ? await db.selectFrom('posting_tasks').selectAll().execute() : [];
	const tasksOf = new Map<string, typeof tasks>();
	for (const task of tasks) tasksOf.set(task.posting_id, [...(tasksOf.get(task.posting_id) ?? []), task]);
	const ids: string[] = [];
	const batch = 500;
	for (let start = 0; start < count; start += batch) {
		const rows = [];
		const taskRows = [];
		for (let i = start; i < Math.min(start + batch, count); i++) {
			const original = seeded[i % seeded.length]!;
			const id = `x${String(i + 1).padStart(5, '0')}`;
			ids.push(id);
			const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
			rows.push({ ...original, id, status: i % 7 === 6 ? 'paused' : 'live', published_at: day });
			for (const task of tasksOf.get(original.id) ?? []) taskRows.push({ ...task, posting_id: id });
		}
		await db.insertInto('postings').values(rows).execute();
		for (let t = 0; t < taskRows.length; t += 1000) await db.insertInto('posting_tasks').values(taskRows.slice(t, t + 1000)).execute();
	}
	return ids;
}
