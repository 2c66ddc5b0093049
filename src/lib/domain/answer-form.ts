/**
 * The answering form's fields: their names, and reading a submitted form back into
 * answers (untrusted until validated). Field names follow the question key:
 * `key` for the answer itself, `key.row.dimension` for a matrix cell, `key.1`,
 * `key.2` … for the ranks of a ranking, `key.other` for 「その他」's text.
 */
import { isBlank, type AnswerValue, type Answers } from './branching';
import { isIsoDate, OTHER, type Question } from './questionnaire';

export const cellName = (question: string, row: string, dimension: string) =>
	`${question}.${row}.${dimension}`;
export const rankName = (question: string, rank: number) => `${question}.${rank}`;
export const otherName = (question: string) => `${question}.${OTHER}`;

/**
 * A number as a resident may type it on a Japanese phone or PC: full-width
 * digits, a long-vowel mark for minus, thousands separators.
 */
export function parseNumber(raw: string): number | undefined {
	let text = raw
		.normalize('NFKC')
		.trim()
		.replace(/^[\u2212\u2010\u30fc]/, '-');
	if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replaceAll(',', '');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
	const n = Number(text);
	if (!Number.isFinite(n)) return undefined;
	return n === 0 ? 0 : n; // no -0: it is 0 once stored as JSON
}

/** `2026-4-1`, `2026/04/01`, `２０２６年４月１日` → `2026-04-01`, where the browser has no date picker. */
export function parseDate(raw: string): string | undefined {
	const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(
		raw.normalize('NFKC').trim()
	);
	if (!match) return undefined;
	const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : undefined;
}

function field(form: FormData, name: string): string | undefined {
	const value = form.get(name);
	return typeof value === 'string' && !isBlank(value) ? value.replace(/\r\n?/g, '\n') : undefined;
}

/**
 * Typing in 「その他」's box counts as choosing it, so the text is never lost;
 * choosing another single option drops it.
 */
function withOther(
	q: Extract<Question, { type: 'single' | 'multi' }>,
	choice: string | string[] | undefined,
	form: FormData
): AnswerValue | undefined {
	const other = q.other ? field(form, otherName(q.key)) : undefined;
	if (other === undefined) return choice;
	if (Array.isArray(choice)) {
		return { choice: choice.includes(OTHER) ? choice : [...choice, OTHER], other };
	}
	if (choice === undefined && q.type === 'multi') return { choice: [OTHER], other };
	return choice === undefined || choice === OTHER ? { choice: OTHER, other } : choice;
}

function readAnswer(q: Question, form: FormData): AnswerValue | undefined {
	switch (q.type) {
		case 'single':
			return withOther(q, field(form, q.key), form);
		case 'multi': {
			const values = form.getAll(q.key).filter((v): v is string => typeof v === 'string');
			const unique = [...new Set(values.filter((v) => !isBlank(v)))];
			return withOther(q, unique.length ? unique : undefined, form);
		}
		case 'matrix': {
			const matrix: Record<string, Record<string, string>> = {};
			for (const row of q.rows) {
				for (const dim of q.dimensions) {
					const value = field(form, cellName(q.key, row.key, dim.key));
					if (value !== undefined) (matrix[row.key] ??= {})[dim.key] = value;
				}
			}
			return Object.keys(matrix).length ? matrix : undefined;
		}
		case 'number': {
			const raw = field(form, q.key);
			return raw === undefined ? undefined : (parseNumber(raw) ?? raw.trim());
		}
		case 'date': {
			const raw = field(form, q.key);
			return raw === undefined ? undefined : (parseDate(raw) ?? raw.trim());
		}
		case 'ranking': {
			const ranks = Array.from({ length: q.top }, (_, i) => field(form, rankName(q.key, i + 1)));
			return ranks.some((r) => r !== undefined) ? ranks.map((r) => r ?? '') : undefined;
		}
		case 'info':
			return undefined;
		default:
			return field(form, q.key);
	}
}

/** Reads these questions' answers from form fields; values are untrusted until validated. */
export function readAnswers(questions: Question[], form: FormData): Answers {
	const answers: Answers = {};
	for (const q of questions) {
		const value = readAnswer(q, form);
		if (value !== undefined) answers[q.key] = value;
	}
	return answers;
}
