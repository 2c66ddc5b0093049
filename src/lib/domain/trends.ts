/**
 * Trends across survey waves (前回調査との比較): questions with the same key in
 * both waves, side by side, with the change in percentage points and whether it
 * is larger than chance would explain. A question whose wording, type or options
 * changed is still compared, with a warning: the reader decides what it means.
 */
import { local, type Definition } from './questionnaire';
import {
	choicesOf,
	closedQuestions,
	questionTables,
	type ClosedQuestion,
	type Count
} from './tables';

export interface Wave {
	definition: Definition;
	counts: Count[];
	respondents: number;
}

export type TrendWarning = 'wording' | 'type' | 'options';

export interface TrendCell {
	key: string;
	label: string;
	/** percentages of each wave's respondents; null where the choice did not exist */
	now: number | null;
	before: number | null;
	/** now − before, in percentage points */
	change: number | null;
	/** the change exceeds the 95 % bound of a two-proportion comparison */
	significant: boolean;
}

export interface TrendTable {
	question: string;
	item: string;
	title: string;
	warnings: TrendWarning[];
	cells: TrendCell[];
}

export interface Trends {
	tables: TrendTable[];
	/** question keys asked only now, or only before */
	added: string[];
	dropped: string[];
}

/** Whether |p1 − p2| exceeds 1.96 standard errors of the difference (unpooled). */
export function significantChange(p1: number, n1: number, p2: number, n2: number): boolean {
	if (n1 <= 0 || n2 <= 0) return false;
	const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
	return se > 0 && Math.abs(p1 - p2) > 1.96 * se;
}

function warningsOf(now: ClosedQuestion, before: ClosedQuestion): TrendWarning[] {
	const warnings: TrendWarning[] = [];
	if (now.text.ja.trim() !== before.text.ja.trim()) warnings.push('wording');
	if (now.type !== before.type) warnings.push('type');
	const options = (q: ClosedQuestion) =>
		choicesOf(q)
			.map((o) => `${o.key}=${o.label.ja}`)
			.join('|');
	if (options(now) !== options(before)) warnings.push('options');
	return warnings;
}

export function compareWaves(now: Wave, before: Wave, lang: string): Trends {
	const earlier = new Map(closedQuestions(before.definition).map((q) => [q.key, q]));
	const current = closedQuestions(now.definition);
	const tables = current.flatMap((q) => {
		const old = earlier.get(q.key);
		if (!old) return [];
		const warnings = warningsOf(q, old);
		const previous = questionTables(old, before.counts, before.respondents, lang);
		return questionTables(q, now.counts, now.respondents, lang).map((table) => {
			const then = previous.find((t) => t.item === table.item);
			const cells: TrendCell[] = table.rows.map((row) => {
				const was = then?.rows.find((r) => r.key === row.key);
				const before = was ? was.percent : null;
				return {
					key: row.key,
					label: row.label,
					now: row.percent,
					before,
					change: before === null ? null : row.percent - before,
					significant:
						before !== null &&
						significantChange(row.percent / 100, now.respondents, before / 100, then!.base)
				};
			});
			// Choices only the earlier wave had still show, so nothing disappears silently.
			for (const row of then?.rows ?? []) {
				if (cells.some((c) => c.key === row.key)) continue;
				cells.push({
					key: row.key,
					label: row.label,
					now: null,
					before: row.percent,
					change: null,
					significant: false
				});
			}
			const title = table.item ? `${local(q.text, lang)} — ${table.title}` : local(q.text, lang);
			return { question: q.key, item: table.item, title, warnings, cells };
		});
	});
	const keysNow = new Set(current.map((q) => q.key));
	return {
		tables,
		added: current.filter((q) => !earlier.has(q.key)).map((q) => q.key),
		dropped: [...earlier.keys()].filter((key) => !keysNow.has(key))
	};
}
