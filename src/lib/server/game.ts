import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Language } from '$lib/i18n/languages';
import { buildDeck, type GameData } from '$lib/game/deck';
import { pictureUrl } from '$lib/pictures';
import { listJobTypes } from './jobs';
import { localized } from './db/localized';

/** Everything the picture game needs, in one response, so it can be kept for offline use. */
export async function gameData(db: Kysely<Database>, lang: Language): Promise<GameData> {
	const [types, links] = await Promise.all([
		listJobTypes(db, lang),
		db
			.selectFrom('job_type_tasks')
			.innerJoin('tasks', 'tasks.id', 'job_type_tasks.task_id')
			.select(['job_type_tasks.job_type_id', 'tasks.id', 'tasks.text_da', 'tasks.text_en', 'tasks.text_ar', 'tasks.picture'])
			.orderBy('job_type_tasks.job_type_id')
			.orderBy('job_type_tasks.position')
			.execute()
	]);
	const jobTypes = types.map((type) => ({
		id: type.id,
		name: type.name,
		picture: type.picture,
		taskIds: links.filter((link) => link.job_type_id === type.id).map((link) => link.id)
	}));
	const tasks = new Map(links.map((link) => [link.id, link]));
	const cards = buildDeck(jobTypes).map((taskId) => {
		const task = tasks.get(taskId)!;
		return { taskId, text: localized(task, 'text', lang), picture: pictureUrl(task.picture) };
	});
	return { cards, jobTypes };
}
