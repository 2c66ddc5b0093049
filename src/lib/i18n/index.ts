/**
 * i18next, one instance per request on the server and per page on the client:
 * a shared instance would switch language under a concurrent request.
 *
 * Staff pages are in Japanese and English. Residents also get やさしい日本語,
 * 中文（简体）, 한국어, Tiếng Việt and Português, for the chrome around the
 * questionnaire only (buttons, progress, errors, thank-you and closed pages): each
 * of those languages has one catalogue, locales/<lang>/resident.json, with exactly
 * the keys RESIDENT_KEYS names. Anything missing falls back to Japanese.
 */
import i18next, { type TFunction } from 'i18next';

/**
 * Every language, in the order the language switch lists them.
 *
 * やさしい日本語 is `ja-x-easy`: a valid BCP 47 tag (a private-use subtag, as no
 * registered one exists) whose language is still Japanese, so i18next resolves
 * it through `ja` and Intl gives it Japanese plural rules. Pages in it declare
 * plain `lang="ja"` (see htmlLang): it is Japanese to a screen reader.
 */
export const LOCALES = ['ja', 'ja-x-easy', 'en', 'zh', 'ko', 'vi', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

/** What residents may choose from: every language. */
export const RESIDENT_LOCALES: readonly Locale[] = LOCALES;
/** What staff pages are written in. */
export const STAFF_LOCALES: readonly Locale[] = ['ja', 'en'];

/** Each language's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
	ja: '日本語',
	'ja-x-easy': 'やさしい日本語',
	en: 'English',
	zh: '中文（简体）',
	ko: '한국어',
	vi: 'Tiếng Việt',
	pt: 'Português'
};

const HTML_LANG: Record<Locale, string> = {
	ja: 'ja',
	'ja-x-easy': 'ja',
	en: 'en',
	zh: 'zh-Hans',
	ko: 'ko',
	vi: 'vi',
	// The Portuguese of Japan's Brazilian community.
	pt: 'pt-BR'
};

/** The `lang` attribute for text in a language: what screen readers pick a voice by. */
export function htmlLang(locale: Locale): string {
	return HTML_LANG[locale];
}

/**
 * The `lang` attribute for `local(text, locale)` (questionnaire text): the
 * locale's own when the text has it, else Japanese, which `local` falls back to.
 */
export function textLang(
	text: Partial<Record<string, string>> | undefined,
	locale: Locale
): string {
	return text?.[locale] ? htmlLang(locale) : htmlLang(DEFAULT_LOCALE);
}

/**
 * The keys residents see, the only ones the resident-only languages translate: a
 * key is resident-facing when it is one of these or lies below one of them.
 * catalogue.test.ts holds every resident-only language to exactly this list.
 */
export const RESIDENT_KEYS = [
	'app',
	'nav.skip',
	'nav.language',
	'nav.staffSignin',
	'home',
	'survey',
	'answer.error',
	'errors.title',
	'errors.notFoundTitle',
	'errors.notFound',
	'errors.internal',
	'security'
] as const;

export function isResidentKey(key: string): boolean {
	return RESIDENT_KEYS.some((k) => key === k || key.startsWith(`${k}.`));
}

// Each area of the app keeps its strings in its own file per language
// (locales/<lang>/<area>.json, distinct top-level keys); they merge into one
// catalogue. The resident-only languages have a single area, `resident`.
type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

function catalogue(language: Locale): Catalogue {
	return Object.assign(
		{},
		...Object.entries(files)
			.filter(([file]) => file.startsWith(`./locales/${language}/`))
			.map(([, strings]) => strings)
	) as Catalogue;
}
const resources = Object.fromEntries(
	LOCALES.map((locale) => [locale, { translation: catalogue(locale) }])
);

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// One initialised instance per locale, never switched to another language, so
// sharing it between requests cannot change a request's language mid-way.
const translators = new Map<Locale, TFunction>();

export function createTranslator(locale: Locale): TFunction {
	const known = translators.get(locale);
	if (known) return known;
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: DEFAULT_LOCALE,
		resources,
		initAsync: false,
		interpolation: { escapeValue: false }, // Svelte escapes what it renders
		returnNull: false
	});
	translators.set(locale, instance.t);
	return instance.t;
}

/**
 * Which of `offered` a language tag asks for: the tag itself, else its language
 * (zh-CN, zh-Hans, zh-TW → zh, as Simplified is the Chinese we have; pt-PT → pt;
 * ja-x-easy → ja where only Japanese is offered).
 */
function match(tag: string, offered: readonly Locale[]): Locale | undefined {
	const wanted = tag.trim().toLowerCase();
	const language = wanted.split('-')[0];
	return offered.find((l) => l === wanted) ?? offered.find((l) => l === language);
}

/** The best language of `offered` (default: all) in an Accept-Language header. */
export function negotiate(header: string | null, offered: readonly Locale[] = LOCALES): Locale {
	const wanted = (header ?? '')
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return { tag, q: q === undefined ? 1 : Number(q) };
		})
		.filter((w) => w.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of wanted) {
		const found = match(tag, offered);
		if (found) return found;
	}
	return offered.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : offered[0];
}

/**
 * The language to render a page in: the saved choice if the page offers it (or
 * its language: やさしい日本語 → 日本語 on staff pages), else the browser's.
 */
export function pickLocale(
	saved: string | undefined,
	acceptLanguage: string | null,
	offered: readonly Locale[]
): Locale {
	return (saved && match(saved, offered)) || negotiate(acceptLanguage, offered);
}

/** Residents' pages (and unknown addresses, which may be theirs) offer every language. */
export function localesFor(routeId: string | null): readonly Locale[] {
	const resident = routeId === null || routeId === '/' || routeId.startsWith('/(resident)/');
	return resident ? RESIDENT_LOCALES : STAFF_LOCALES;
}
