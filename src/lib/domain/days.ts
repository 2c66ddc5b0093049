/** Calendar days (YYYY-MM-DD, as SQL's `date` sends them): comment periods and milestones. */

const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** A day as a reader of `locale` writes it: 2026年12月3日 / 3 December 2026. */
export function formatDay(day: string, locale: string): string {
	return new Intl.DateTimeFormat(locale.startsWith('ja') ? 'ja-JP' : locale, {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(at(day));
}

/** How many days a period lasts, both ends included. */
export function periodDays(from: string, to: string): number {
	return Math.round((at(to).getTime() - at(from).getTime()) / 86_400_000) + 1;
}

/** Public comment periods are at least 30 days (行政手続法 39 条 3 項 as the usual model). */
export const MIN_COMMENT_DAYS = 30;
