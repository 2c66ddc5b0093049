/** Numbers as the page shows them: people as integers, shares to one decimal. */
export function formatters(locale: string) {
	const people = new Intl.NumberFormat(locale);
	const share = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	return { people: (n: number) => people.format(n), share: (p: number) => `${share.format(p)}%` };
}
