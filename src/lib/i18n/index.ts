/**
 * i18next, one instance per request on the server and per page on the client:
 * a shared instance would switch language under a concurrent request.
 */
import i18next, { type TFunction } from 'i18next';

// Each area of the app keeps its strings in its own file per language
// (locales/<lang>/<area>.json, distinct top-level keys); they merge into one catalogue.
type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

function catalogue(language: string): Catalogue {
	return Object.assign(
		{},
		...Object.entries(files)
			.filter(([file]) => file.startsWith(`./locales/${language}/`))
			.map(([, strings]) => strings)
	) as Catalogue;
}
const resources = {
	ja: { translation: catalogue('ja') },
	en: { translation: catalogue('en') }
};

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

/** Each language's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { ja: '日本語', en: 'English' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function createTranslator(locale: Locale): TFunction {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: DEFAULT_LOCALE,
		resources,
		initAsync: false,
		interpolation: { escapeValue: false }, // Svelte escapes what it renders
		returnNull: false
	});
	return instance.t;
}

/** The best supported language in an Accept-Language header. */
export function negotiate(header: string | null): Locale {
	const wanted = (header ?? '')
		.split(',')
		.map((part) => {
			const [tag, q] = part.trim().split(';q=');
			return { tag: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
		})
		.sort((a, b) => b.q - a.q);
	return (wanted.find((w) => isLocale(w.tag))?.tag as Locale | undefined) ?? DEFAULT_LOCALE;
}
