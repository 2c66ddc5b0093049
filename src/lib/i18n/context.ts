import { getContext, setContext } from 'svelte';
import type { TFunction } from 'i18next';
import type { Locale } from './index';

const KEY = Symbol('i18n');

export interface I18n {
	readonly locale: Locale;
	readonly t: TFunction;
}

/** Called once by the root layout with a getter-backed object, so language changes flow down. */
export function setI18n(i18n: I18n) {
	setContext(KEY, i18n);
}

export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}

/** The same context for server-side rendering outside a page (tests). */
export function i18nContext(i18n: I18n): Map<symbol, I18n> {
	return new Map([[KEY, i18n]]);
}
