/**
 * The raw response file and its codebook. One row per response; one column per
 * answer item, named `question`, `question.item` (a matrix cell, a rank, a
 * multiple-choice option) or `question.other` (the text of 「その他」). Keys are
 * lower-case letters, digits and _, so the dot never clashes with a key.
 */
import { allQuestions, choiceKeys, local, type Definition, type LocalText } from '../questionnaire';
import { choicesOf, itemsOf } from '../tables';
import type { Cell, Translate } from './cells';

export interface RawAnswer {
	question_key: string;
	item: string;
	choice: string | null;
	number: number | null;
	text_value: string | null;
}
export interface RawResponse {
	response_no: number;
	district: string;
	age_group: string;
	source: string;
	language: string;
	submitted_on: string;
	answers: RawAnswer[];
}

type Kind = 'choice' | 'flag' | 'number' | 'text';

/** One column of the raw file, as the codebook describes it. */
export interface CodebookColumn {
	column: string;
	question: string;
	/** the answer item the column reads: '' for the question itself */
	item: string;
	type: string;
	text: string;
	kind: Kind;
	codes: { code: string; label: string }[];
}

const FIXED = ['response_no', 'district', 'age_group', 'source', 'language', 'submitted_on'];

/** The columns after the fixed ones, in questionnaire order. */
export function codebookColumns(def: Definition, lang: string, t: Translate): CodebookColumn[] {
	const flags = [
		{ code: '1', label: t('exports.flags.chosen') },
		{ code: '0', label: t('exports.flags.notChosen') }
	];
	return allQuestions(def).flatMap((q): CodebookColumn[] => {
		const text = local(q.text, lang);
		const one = (kind: Kind, codes: CodebookColumn['codes'] = []): CodebookColumn => ({
			column: q.key,
			question: q.key,
			item: '',
			type: q.type,
			text,
			kind,
			codes
		});
		const other: CodebookColumn = {
			...one('text'),
			column: `${q.key}.other`,
			item: 'other',
			text: `${text}（${t('exports.columns.otherText')}）`
		};
		const coded = (options: { key: string; label: LocalText }[]) =>
			options.map((o) => ({ code: o.key, label: local(o.label, lang) }));
		switch (q.type) {
			case 'single':
			case 'rating': {
				const column = one('choice', coded(choicesOf(q)));
				return q.type === 'single' && q.other ? [column, other] : [column];
			}
			case 'multi': {
				const labels = coded(choicesOf(q));
				const columns = choiceKeys(q).map((key) => ({
					...one('flag', flags),
					column: `${q.key}.${key}`,
					item: key,
					text: `${text}：${labels.find((l) => l.code === key)?.label ?? key}`
				}));
				return q.other ? [...columns, other] : columns;
			}
			case 'matrix':
			case 'ranking':
				return itemsOf(q, lang).map(({ item, title }) => ({
					...one('choice', coded(choicesOf(q))),
					column: `${q.key}.${item}`,
					item,
					text: `${text}：${title}`
				}));
			case 'number':
				return [one('number')];
			case 'date':
			case 'text':
				return [one('text')];
			default:
				return [];
		}
	});
}

/** A response's value for a column: '' where the question was not answered. */
function valueOf(column: CodebookColumn, answers: RawAnswer[]): Cell {
	const mine = answers.filter((a) => a.question_key === column.question);
	if (column.kind === 'flag') {
		if (!mine.some((a) => a.item === '')) return null;
		return mine.some((a) => a.item === '' && a.choice === column.item) ? 1 : 0;
	}
	const found = mine.find((a) => a.item === column.item);
	if (!found) return null;
	if (column.kind === 'number') return found.number === null ? null : Number(found.number);
	return column.kind === 'choice' ? found.choice : found.text_value;
}

/** The raw file: a header of column names, then a row per response. */
export function rawRows(columns: CodebookColumn[], responses: RawResponse[]): Cell[][] {
	return [
		[...FIXED, ...columns.map((c) => c.column)],
		...responses.map((r) => [
			r.response_no,
			r.district,
			r.age_group,
			r.source,
			r.language,
			r.submitted_on,
			...columns.map((c) => valueOf(c, r.answers))
		])
	];
}

interface Strata {
	districts: { code: string; name: LocalText }[];
	ageGroups: { code: string; name: LocalText }[];
}

/** The codebook: a row per column and code (a column without codes takes one row). */
export function codebookRows(
	columns: CodebookColumn[],
	strata: Strata,
	def: Definition,
	lang: string,
	t: Translate
): Cell[][] {
	const col = (key: string) => t(`exports.columns.${key}`);
	const coded = (list: { code: string; name: LocalText }[]) =>
		list.map((x) => ({ code: x.code, label: local(x.name, lang) }));
	const meta = (column: string, text: string, codes: CodebookColumn['codes'] = []) => ({
		column,
		question: '',
		item: '',
		type: t('exports.types.meta'),
		text,
		kind: 'text' as const,
		codes
	});
	const fixed: CodebookColumn[] = [
		meta('response_no', col('responseNo')),
		{
			...meta('district', col('district'), coded(strata.districts)),
			question: def.strata.district ?? ''
		},
		{
			...meta('age_group', col('ageGroup'), coded(strata.ageGroups)),
			question: def.strata.ageGroup ?? ''
		},
		meta(
			'source',
			col('source'),
			['web', 'paper'].map((code) => ({ code, label: t(`exports.sources.${code}`) }))
		),
		meta(
			'language',
			col('language'),
			def.languages.map((code) => ({ code, label: t(`exports.languageNames.${code}`) }))
		),
		meta('submitted_on', col('submittedOn'))
	];
	const header = ['column', 'questionKey', 'question', 'type', 'item', 'code', 'label'].map(col);
	const rows: Cell[][] = [header];
	for (const c of [...fixed, ...columns]) {
		const type = fixed.includes(c) ? c.type : t(`exports.types.${c.type}`);
		const start = [c.column, c.question, c.text, type, c.item];
		if (c.codes.length === 0) rows.push([...start, null, null]);
		for (const code of c.codes) rows.push([...start, code.code, code.label]);
	}
	return rows;
}
