import { flatten } from './citizen-texts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * Keys missing in any language. Plural keys are compared by their base ("count" for
 * count_one, count_other), and each language must have every plural form its grammar
 * uses (Arabic has six, Danish two), as i18next picks them with Intl.PluralRules.
 */
export function missingKeys(resources: Record<string, unknown>): string[] {
	const shapes = Object.entries(resources).map(([lang, resource]) => {
		const keys = flatten(resource).map((entry) => entry.key);
		const plain = new Set(keys.filter((key) => !PLURAL.test(key)));
		const plurals = new Map<string, Set<string>>();
		for (const key of keys) {
			const match = PLURAL.exec(key);
			if (!match) continue;
			const base = key.slice(0, match.index);
			plurals.set(base, (plurals.get(base) ?? new Set()).add(match[1]!));
		}
		return { lang, plain, plurals };
	});
	const problems: string[] = [];
	for (const own of shapes) {
		const categories = new Intl.PluralRules(own.lang).resolvedOptions().pluralCategories;
		for (const other of shapes) {
			if (other === own) continue;
			for (const key of other.plain) if (!own.plain.has(key)) problems.push(`${own.lang}.json lacks ${key} (in ${other.lang}.json).`);
			for (const base of other.plurals.keys()) {
				if (!own.plurals.has(base)) problems.push(`${own.lang}.json lacks ${base} (plural, in ${other.lang}.json).`);
			}
		}
		for (const [base, forms] of own.plurals) {
			for (const category of categories) {
				if (!forms.has(category)) problems.push(`${own.lang}.json lacks ${base}_${category} (a plural form ${own.lang} uses).`);
			}
		}
	}
	return problems;
}
