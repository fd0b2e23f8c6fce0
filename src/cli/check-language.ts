/**
 * npm run check:language — easy Danish as a check, part of npm test.
 * Fails when the citizen texts' LIX is above 25, when any sentence has more than 12
 * words, or when a key is missing in any language. English and Arabic interface texts
 * keep to the same 12 words a sentence.
 */
import da from '$lib/i18n/locales/da.json';
import en from '$lib/i18n/locales/en.json';
import ar from '$lib/i18n/locales/ar.json';
import { missingKeys } from '$lib/language/keys';
import { catalogue, seedPostings } from '$lib/server/db/seed-files';
import { citizenInterfaceTexts } from '$lib/language/citizen-texts';
import { LIX_LIMIT, longSentences, readability, SENTENCE_WORD_LIMIT } from '$lib/language/lix';

const taskText = new Map(catalogue.tasks.map((task) => [task.id, task.text.da]));
const texts = [
	...citizenInterfaceTexts(),
	...catalogue.jobTypes.flatMap((type) => [
		{ source: `job type ${type.id}`, text: type.name.da },
		{ source: `job type ${type.id} about`, text: type.about.da }
	]),
	...seedPostings.flatMap((posting) => [
		{ source: `posting ${posting.id} title`, text: posting.title },
		...posting.tasks.map((id) => ({ source: `posting ${posting.id} task`, text: taskText.get(id) ?? '' }))
	])
];

const problems: string[] = [];
const measured = readability(texts.map((t) => t.text));
if (measured.lix > LIX_LIMIT) problems.push(`LIX ${measured.lix} is above ${LIX_LIMIT}.`);
for (const long of longSentences(texts)) {
	problems.push(`${long.source}: ${long.words} words (at most ${SENTENCE_WORD_LIMIT}): "${long.sentence}"`);
}
for (const long of longSentences([...citizenInterfaceTexts(en, 'en'), ...citizenInterfaceTexts(ar, 'ar')])) {
	problems.push(`${long.source}: ${long.words} words (at most ${SENTENCE_WORD_LIMIT}): "${long.sentence}"`);
}
problems.push(...missingKeys({ da, en, ar }));

console.log(
	`Easy Danish: LIX ${measured.lix} over ${measured.words} words in ${measured.sentences} sentences; longest sentence ${measured.longestSentence.words} words: "${measured.longestSentence.text}".`
);
const interfaceOnly = readability(citizenInterfaceTexts().map((t) => t.text));
console.log(`Interface texts alone: LIX ${interfaceOnly.lix} over ${interfaceOnly.words} words.`);
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log('check:language passed.');
