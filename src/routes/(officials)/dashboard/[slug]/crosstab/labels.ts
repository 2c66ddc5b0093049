/** Names of the targets, breakdowns and groups of the breakdown cross-tab, in the reader's language. */
import type { Labelled } from '$lib/domain/crosstab';
import { allQuestions, local, type Definition, type LocalText } from '$lib/domain/questionnaire';
import { choicesOf, closedQuestions } from '$lib/domain/tables';

interface Named {
	code: string;
	name: LocalText;
}

/** `question|item` as the question's text, or a matrix row — dimension, or a rank. */
export function targetName(def: Definition, target: string, lang: string): string {
	const [key, item = ''] = target.split('|');
	const q = allQuestions(def).find((x) => x.key === key);
	if (!q || !item) return local(q?.text, lang);
	if (q.type === 'ranking')
		return `${local(q.text, lang)} — ${lang === 'ja' ? `${item}位` : `#${item}`}`;
	if (q.type !== 'matrix') return local(q.text, lang);
	const [row, dim] = item.split('/');
	const rowLabel = local(q.rows.find((r) => r.key === row)?.label, lang);
	if (q.dimensions.length < 2) return `${local(q.text, lang)} — ${rowLabel}`;
	const dimLabel = local(q.dimensions.find((d) => d.key === dim)?.label, lang);
	return `${rowLabel} — ${dimLabel}`;
}

/** The groups a breakdown splits respondents into, in the questionnaire's (or the strata's) order. */
export function groupsOf(
	def: Definition,
	by: string,
	names: { districts: Named[]; ageGroups: Named[] },
	lang: string
): Labelled[] {
	const fromNames = (list: Named[]) =>
		list.map((x) => ({ code: x.code, label: local(x.name, lang) }));
	if (by === def.strata.district) return fromNames(names.districts);
	if (by === def.strata.ageGroup) return fromNames(names.ageGroups);
	const q = closedQuestions(def).find((x) => x.key === by);
	return q ? choicesOf(q).map((o) => ({ code: o.key, label: local(o.label, lang) })) : [];
}

/** A question's text, for naming a breakdown. */
export const questionName = (def: Definition, key: string, lang: string) =>
	local(allQuestions(def).find((q) => q.key === key)?.text, lang);
