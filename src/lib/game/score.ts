import type { GameAnswer, GameJobType } from './deck';

export interface GameMatch {
	jobTypeId: string;
	/** The liked tasks that point to this type: the reason, shown as pictures. */
	likedTaskIds: string[];
	score: number;
}

/** How many job types the result shows: few, so the choice stays simple. */
export const MAX_MATCHES = 3;

/**
 * Which job types fit the answers. A type scores (liked − disliked) ÷ shown, over its
 * typical tasks that were in the game; "Ved ikke" counts as shown but neither way.
 * Only types with a positive score and at least one liked task match. Ties go to the
 * type with more liked tasks, then to catalogue order (the more common jobs first).
 */
export function matchJobTypes(jobTypes: GameJobType[], answers: Record<string, GameAnswer>): GameMatch[] {
	const scored = jobTypes.map((type, position) => {
		const shown = type.taskIds.filter((id) => answers[id] !== undefined);
		const liked = shown.filter((id) => answers[id] === 'like');
		const disliked = shown.filter((id) => answers[id] === 'dislike');
		const score = shown.length ? (liked.length - disliked.length) / shown.length : 0;
		return { jobTypeId: type.id, likedTaskIds: liked, score, position };
	});
	return scored
		.filter((match) => match.score > 0 && match.likedTaskIds.length > 0)
		.sort((a, b) => b.score - a.score || b.likedTaskIds.length - a.likedTaskIds.length || a.position - b.position)
		.slice(0, MAX_MATCHES)
		.map(({ position: _position, ...match }) => match);
}
