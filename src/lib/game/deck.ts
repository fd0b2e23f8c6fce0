/**
 * Hvad kan du lide? — the picture game. Pure functions, so that a result can be
 * reproduced from the answers alone (and is unit tested).
 */
export const ANSWERS = ['like', 'dislike', 'unsure'] as const;
export type GameAnswer = (typeof ANSWERS)[number];

export interface GameCard {
	taskId: string;
	text: string;
	picture: string;
}

export interface GameJobType {
	id: string;
	name: string;
	picture: string;
	/** The type's typical tasks, most typical first. */
	taskIds: string[];
}

export interface GameData {
	cards: GameCard[];
	jobTypes: GameJobType[];
}

/** Short enough for someone who tires quickly; long enough to cover every job type. */
export const DECK_SIZE = 12;

/**
 * The tasks shown, in order: round by round, each job type (catalogue order) adds its
 * most typical task not yet in the deck. Every type is then shown at least once, and
 * neighbouring cards come from different kinds of work.
 */
export function buildDeck(jobTypes: Pick<GameJobType, 'id' | 'taskIds'>[], size = DECK_SIZE): string[] {
	const deck: string[] = [];
	const longest = Math.max(0, ...jobTypes.map((type) => type.taskIds.length));
	for (let round = 0; round < longest && deck.length < size; round++) {
		for (const type of jobTypes) {
			if (deck.length >= size) break;
			const task = type.taskIds.find((id) => !deck.includes(id));
			if (task && type.taskIds.indexOf(task) <= round) deck.push(task);
		}
	}
	return deck;
}
