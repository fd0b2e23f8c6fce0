import { localDatabase, type LikesProfile } from '$lib/outbox/db';
import type { GameMatch } from './score';

/** Keeps the game's result on this device, to fill in the application. */
export async function saveLikesProfile(matches: GameMatch[], db = localDatabase()): Promise<void> {
	await db.profile.put({
		id: 'me',
		jobTypes: matches.map((match) => match.jobTypeId),
		likedTasks: [...new Set(matches.flatMap((match) => match.likedTaskIds))],
		savedAt: Date.now()
	});
}

export async function loadLikesProfile(db = localDatabase()): Promise<LikesProfile | undefined> {
	return db.profile.get('me');
}

export async function forgetLikesProfile(db = localDatabase()): Promise<void> {
	await db.profile.delete('me');
}
