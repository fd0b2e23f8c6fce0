import type { TFunction } from 'i18next';
import { getContext, setContext } from 'svelte';
import type { Language } from './languages';

export * from './languages';

export interface I18n {
	lang: Language;
	t: TFunction;
}

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n): void {
	setContext(KEY, i18n);
}

export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}
