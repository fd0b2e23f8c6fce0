/**
 * npm run check:language — easy Danish as a check, part of npm test.
 * Fails when the citizen texts' LIX is above 25, when any sentence has more than 12
 * words, or when a key is missing in any language.
 */
import da from '$lib/i18n/locales/da.json';
import en from '$lib/i18n/locales/en.json';
import { catalogue, seedPostings } from '$lib/server/db/seed-files';
import { citizenInterfaceTexts, flatten } from '$lib/language/citizen-texts';
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
const keys = (resource: unknown) => new Set(flatten(resource).map((entry) => entry.key));
const languages = { da: keys(da), en: keys(en) };
for (const [lang, own] of Object.entries(languages)) {
	for (const [other, theirs] of Object.entries(languages)) {
		for (const key of theirs) if (!own.has(key)) problems.push(`${lang}.json lacks ${key} (in ${other}.json).`);
	}
}

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
