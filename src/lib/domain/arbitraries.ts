/**
 * Random questionnaires and answers for property tests (fast-check): definitions
 * of every question type with branching on earlier questions, the answers a
 * resident could give them, near misses of those, and the form a browser would
 * post. Test-only: nothing in the app imports this.
 */
import fc, { type GeneratorValue } from 'fast-check';
import { cellName, otherName, rankName } from './answer-form';
import { holds, isOtherAnswer, type AnswerValue, type Answers } from './branching';
import {
	choiceKeys,
	definition,
	OTHER,
	ratingPoints,
	type Condition,
	type Definition,
	type Question
} from './questionnaire';

type Gen = GeneratorValue;
type Raw = Record<string, unknown>;

const TYPES = [
	'single',
	'multi',
	'matrix',
	'text',
	'rating',
	'number',
	'date',
	'ranking',
	'info'
] as const;
const label = (text: string) => ({ ja: text });
const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })];
const maybe = (g: Gen) => g(fc.boolean);

function keys(g: Gen, pool: string[], min: number, max: number) {
	return g(fc.shuffledSubarray, pool, { minLength: min, maxLength: max }).map((key) => ({
		key,
		label: label(key)
	}));
}

/**
 * A date between two ISO dates. (By day number: `gen` caches arbitraries by their
 * arguments and sees every Date as equal.)
 */
function dateBetween(g: Gen, min = '1900-01-01', max = '2100-12-31') {
	const day = (iso: string) => Date.parse(`${iso}T00:00Z`) / 86_400_000;
	const n = g(fc.integer, { min: day(min), max: day(max) });
	return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

function questionOfType(g: Gen, type: (typeof TYPES)[number], key: string): Raw {
	const base: Raw = { key, type, text: label(`質問 ${key}`), required: maybe(g) };
	switch (type) {
		case 'single':
			return {
				...base,
				display: pick(g, ['radio', 'dropdown']),
				options: keys(g, ['a', 'b', 'c', 'd', '1'], 2, 5),
				...(maybe(g) && { other: true }),
				...(maybe(g) && { shuffle: true })
			};
		case 'multi': {
			const options = keys(g, ['a', 'b', 'c', 'd', 'e'], 2, 5).map((o, i) =>
				i === 0 && maybe(g) ? { ...o, exclusive: true } : o
			);
			const other = maybe(g);
			const open = options.filter((o) => !('exclusive' in o)).length + (other ? 1 : 0);
			const min = maybe(g) ? g(fc.integer, { min: 0, max: open }) : undefined;
			const max = maybe(g) ? g(fc.integer, { min: Math.max(min ?? 1, 1), max: 6 }) : undefined;
			return { ...base, options, min, max, ...(other && { other: true }) };
		}
		case 'matrix':
			return {
				...base,
				rows: keys(g, ['r1', 'r2', 'r3'], 1, 3),
				dimensions: keys(g, ['sat', 'imp'], 1, 2),
				scale: keys(g, ['1', '2', '3', '4'], 2, 4)
			};
		case 'text':
			return { ...base, multiline: maybe(g), maxLength: g(fc.integer, { min: 1, max: 50 }) };
		case 'rating': {
			const points = g(fc.integer, { min: 2, max: 11 });
			const middle = points % 2 === 1 && maybe(g) ? { middle: label('中') } : {};
			const labels = { low: label('低'), high: label('高'), ...middle };
			return { ...base, points, startAt: pick(g, [0, 1]), labels };
		}
		case 'number': {
			const integer = maybe(g);
			const bound = () =>
				maybe(g)
					? undefined
					: integer
						? g(fc.integer, { min: -50, max: 50 })
						: g(fc.double, {
								min: -50,
								max: 50,
								noNaN: true,
								noDefaultInfinity: true
							}) || 0;
			const [a, b] = [bound(), bound()];
			const [min, max] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
			return { ...base, integer, min, max, ...(maybe(g) && { unit: label('年') }) };
		}
		case 'date': {
			const [a, b] = [maybe(g) ? dateBetween(g) : undefined, maybe(g) ? dateBetween(g) : undefined];
			const [min, max] = a && b && a > b ? [b, a] : [a, b];
			return { ...base, min, max };
		}
		case 'ranking': {
			const options = keys(g, ['a', 'b', 'c', 'd', 'e'], 2, 5);
			return { ...base, options, top: g(fc.integer, { min: 1, max: options.length }) };
		}
		case 'info':
			return base;
	}
}

/** A condition that can hold for an earlier question, or a group of them. */
function conditionOn(g: Gen, earlier: Question[], depth = 0): Condition | undefined {
	const targets = earlier.filter((q) => q.type !== 'info');
	if (!targets.length) return undefined;
	if (depth === 0 && g(fc.nat, { max: 4 }) === 0) {
		const parts = [conditionOn(g, earlier, 1)!, conditionOn(g, earlier, 1)!];
		return maybe(g) ? { all: parts } : { any: parts };
	}
	const q = pick(g, targets);
	const answered = { question: q.key, answered: maybe(g) };
	switch (q.type) {
		case 'single':
			return maybe(g) ? answered : { question: q.key, equals: pick(g, choiceKeys(q)) };
		case 'multi':
		case 'ranking':
			return maybe(g) ? answered : { question: q.key, includes: pick(g, q.options).key };
		case 'rating': {
			const point = pick(g, ratingPoints(q));
			if (maybe(g)) return { question: q.key, equals: point };
			return maybe(g)
				? { question: q.key, gte: Number(point) }
				: { question: q.key, lte: Number(point) };
		}
		case 'number': {
			const n = g(fc.integer, { min: -50, max: 50 });
			return maybe(g) ? { question: q.key, gte: n } : { question: q.key, lte: n };
		}
		default:
			return answered;
	}
}

/** A questionnaire the schema accepts: every type, branching on earlier questions. */
export function genDefinition(g: Gen): Definition {
	const sections: Raw[] = [];
	const earlier: Question[] = [];
	const count = g(fc.integer, { min: 1, max: 3 });
	for (let s = 0; s < count; s++) {
		const questions: Raw[] = [];
		const showIf = maybe(g) ? undefined : conditionOn(g, earlier);
		const size = g(fc.integer, { min: 1, max: 4 });
		for (let i = 0; i < size; i++) {
			const raw = questionOfType(g, pick(g, TYPES), `q${earlier.length}`);
			const condition = maybe(g) ? conditionOn(g, earlier) : undefined;
			const parsed = definition.parse({
				languages: ['ja'],
				sections: [{ key: 's', title: label('節'), questions: [{ ...raw }] }]
			}).sections[0].questions[0];
			questions.push(condition ? { ...parsed, showIf: condition } : parsed);
			earlier.push(parsed);
		}
		sections.push({ key: `s${s}`, title: label(`節 ${s}`), questions, ...(showIf && { showIf }) });
	}
	return definition.parse({ languages: ['ja'], sections });
}

// Text a resident could type: anything but NUL, CR (a form sends CRLF, read as LF)
// and half surrogate pairs, and not blank.
const textUnit = fc.oneof(
	fc.constantFrom('あ', '市', 'a', ' ', '\n', '\u3000', '😀', '"', '\\'),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
);
function genText(g: Gen, max: number) {
	const text = g(fc.string, { unit: textUnit, minLength: 1, maxLength: max });
	const clean = [...text.replace(/[\0\r]/g, '')].slice(0, max - 1).join('');
	return `${clean}字`;
}

/** A valid answer to one question; every question but info has one. */
export function genAnswer(g: Gen, q: Question): AnswerValue | undefined {
	const other = (choice: string | string[]): AnswerValue =>
		(typeof choice === 'string' ? choice === OTHER : choice.includes(OTHER))
			? { choice, other: genText(g, 200) }
			: choice;
	switch (q.type) {
		case 'single':
			return other(pick(g, choiceKeys(q)));
		case 'multi': {
			const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.key);
			const open = choiceKeys(q).filter((k) => !exclusive.includes(k));
			const least = Math.max(q.min ?? 0, 1);
			const most = Math.min(q.max ?? open.length, open.length);
			if (exclusive.length && (least > most || maybe(g))) return [pick(g, exclusive)];
			return other(g(fc.shuffledSubarray, open, { minLength: least, maxLength: most }));
		}
		case 'matrix':
			return Object.fromEntries(
				q.rows.map((row) => [
					row.key,
					Object.fromEntries(q.dimensions.map((d) => [d.key, pick(g, q.scale).key]))
				])
			);
		case 'text':
			return genText(g, q.maxLength);
		case 'rating':
			return pick(g, ratingPoints(q));
		case 'number': {
			const min = q.min ?? -1e6;
			const max = q.max ?? 1e6;
			if (q.integer) return g(fc.integer, { min: Math.ceil(min), max: Math.floor(max) }) || 0;
			return g(fc.double, { min, max, noNaN: true, noDefaultInfinity: true }) || 0;
		}
		case 'date':
			return dateBetween(g, q.min, q.max);
		case 'ranking':
			return g(fc.shuffledSubarray, q.options, { minLength: q.top, maxLength: q.top }).map(
				(o) => o.key
			);
		case 'info':
			return undefined;
	}
}

/** What a resident could submit: shown questions answered, required ones always. */
export function genAnswers(g: Gen, def: Definition): Answers {
	const answers: Answers = {};
	for (const s of def.sections) {
		const shown = holds(s.showIf, answers);
		for (const q of s.questions) {
			if (!shown || !holds(q.showIf, answers) || (!q.required && maybe(g))) continue;
			const value = genAnswer(g, q);
			if (value !== undefined) answers[q.key] = value;
		}
	}
	return answers;
}

/** The near misses a careless or malicious client could send, one per call. */
export function genMistake(g: Gen, def: Definition, answers: Answers): Answers {
	const questions = def.sections.flatMap((s) => s.questions);
	const q = pick(g, questions);
	const next = { ...answers };
	const value = pick(g, [
		() => genAnswer(g, q),
		() => undefined,
		() => g(fc.jsonValue, { maxDepth: 2 }) as AnswerValue,
		() => pick(g, ['', ' ', '\u3000', [], {}, 0, -1, 1.5, 1e9, 'other', OTHER]),
		() => pick(g, ['1999-12-31', '2026-02-30', '2026-2-1', 'a', 'z', '12', '0']),
		() => [pick(g, ['a', 'b', '']), pick(g, ['a', 'b', OTHER, ''])],
		() => ({ choice: pick(g, ['a', OTHER, ['a', OTHER]]), other: pick(g, ['', ' ', 'x']) }),
		() => ({ r1: { sat: pick(g, ['1', '9']) } })
	])();
	if (value === undefined) delete next[q.key];
	else next[q.key] = value;
	if (g(fc.nat, { max: 9 }) === 0) next[pick(g, ['zz', 'q99'])] = 'x';
	return next;
}

/** The form a browser would post for these answers, as the answering page names its fields. */
export function formOf(questions: Question[], answers: Answers): FormData {
	const form = new FormData();
	for (const q of questions) {
		const value = answers[q.key];
		if (value === undefined) continue;
		if (q.type === 'matrix' && typeof value === 'object' && !Array.isArray(value)) {
			for (const [row, cells] of Object.entries(value as Record<string, Record<string, string>>)) {
				for (const [dim, point] of Object.entries(cells)) {
					form.append(cellName(q.key, row, dim), point);
				}
			}
		} else if (q.type === 'ranking' && Array.isArray(value)) {
			value.forEach((key, i) => form.append(rankName(q.key, i + 1), key));
		} else if (isOtherAnswer(value)) {
			for (const key of [value.choice].flat()) form.append(q.key, key);
			form.append(otherName(q.key), value.other);
		} else if (Array.isArray(value)) {
			for (const key of value) form.append(q.key, key);
		} else if (typeof value === 'string' || typeof value === 'number') {
			form.append(q.key, String(value));
		}
	}
	return form;
}
