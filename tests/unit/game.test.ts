import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { buildDeck, DECK_SIZE, type GameAnswer, type GameJobType } from '$lib/game/deck';
import { matchJobTypes, MAX_MATCHES } from '$lib/game/score';
import { catalogue } from '$lib/server/db/seed-files';
import { forgetLikesProfile, loadLikesProfile, saveLikesProfile } from '$lib/game/profile';
import { KlapjobDatabase } from '$lib/outbox/db';

const types: GameJobType[] = catalogue.jobTypes.map((type) => ({
	id: type.id,
	name: type.name.da,
	picture: type.picture,
	taskIds: type.typicalTasks
}));
const deck = buildDeck(types);
const typeOf = (taskId: string) => types.filter((type) => type.taskIds.includes(taskId)).map((type) => type.id);

describe('the deck', () => {
	test('is the same every time, without repeats, and shows every job type', () => {
		expect(buildDeck(types)).toEqual(deck);
		expect(deck).toHaveLength(DECK_SIZE);
		expect(new Set(deck).size).toBe(deck.length);
		for (const type of types) expect(deck.some((taskId) => type.taskIds.includes(taskId)), type.id).toBe(true);
	});

	test('takes each type’s most typical task first', () => {
		expect(buildDeck([{ id: 'a', taskIds: ['x', 'y'] }, { id: 'b', taskIds: ['x', 'z'] }], 4)).toEqual(['x', 'y', 'z']);
	});
});

describe('the result', () => {
	const answerAll = (value: GameAnswer) => Object.fromEntries(deck.map((id) => [id, value]));

	test('is reproducible from the answers alone', () => {
		const answers: Record<string, GameAnswer> = Object.fromEntries(
			deck.map((id, i) => [id, (['like', 'dislike', 'unsure'] as const)[i % 3]!])
		);
		const first = matchJobTypes(types, answers);
		expect(matchJobTypes(types, { ...answers })).toEqual(first);
		expect(matchJobTypes([...types], JSON.parse(JSON.stringify(answers)))).toEqual(first);
	});

	test('liking one task picks its job type, with that task as the reason', () => {
		// A task of one type only, and that type's only card in the game.
		const shownOf = (type: string) => deck.filter((id) => typeOf(id).includes(type)).length;
		const liked = deck.find((id) => typeOf(id).length === 1 && shownOf(typeOf(id)[0]!) === 1)!;
		const answers = { ...answerAll('dislike'), [liked]: 'like' as const };
		expect(matchJobTypes(types, answers)).toEqual([{ jobTypeId: typeOf(liked)[0], likedTaskIds: [liked], score: 1 }]);
	});

	test('nothing liked: no match; everything liked: the most common jobs first', () => {
		expect(matchJobTypes(types, answerAll('dislike'))).toEqual([]);
		expect(matchJobTypes(types, answerAll('unsure'))).toEqual([]);
		const all = matchJobTypes(types, answerAll('like'));
		expect(all).toHaveLength(MAX_MATCHES);
		expect(all.map((m) => m.jobTypeId)).toEqual(['retail', ...all.slice(1).map((m) => m.jobTypeId)]);
	});

	test('a type with a liked and a disliked task loses to one with only liked tasks', () => {
		const game: GameJobType[] = [
			{ id: 'a', name: 'A', picture: '', taskIds: ['x', 'y'] },
			{ id: 'b', name: 'B', picture: '', taskIds: ['z'] }
		];
		const result = matchJobTypes(game, { x: 'like', y: 'dislike', z: 'like' });
		expect(result.map((m) => m.jobTypeId)).toEqual(['b']);
		expect(matchJobTypes(game, { x: 'like', y: 'unsure', z: 'like' }).map((m) => m.jobTypeId)).toEqual(['b', 'a']);
	});
});

describe('the profile on the device', () => {
	test('keeps the matched types and liked tasks until forgotten', async () => {
		const db = new KlapjobDatabase(`game-${Math.random()}`);
		await saveLikesProfile([{ jobTypeId: 'retail', likedTaskIds: ['pack-bread'], score: 1 }], db);
		expect(await loadLikesProfile(db)).toMatchObject({ jobTypes: ['retail'], likedTasks: ['pack-bread'] });
		await forgetLikesProfile(db);
		expect(await loadLikesProfile(db)).toBeUndefined();
	});
});
