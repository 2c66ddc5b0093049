/**
 * Rules of a questionnaire that span fields or questions, which a field schema
 * cannot say: unique keys, conditions only on earlier questions and of a kind
 * that fits them, limits in order, strata. Each problem carries a code and values
 * for the builder's messages (`builder.problem.<code>`).
 */
import type { Condition, Definition, Question, QuestionType } from './questionnaire';

export interface StructuralProblem {
	code: string;
	message: string;
	path: (string | number)[];
	values?: Record<string, string | number>;
}

type Leaf = Extract<Condition, { question: string }>;

function leaves(c: Condition): Leaf[] {
	if ('all' in c) return c.all.flatMap(leaves);
	if ('any' in c) return c.any.flatMap(leaves);
	return [c];
}

/** Which kinds of condition can hold for an answer of each type. */
const CONDITION_KINDS: Record<QuestionType, string[]> = {
	single: ['equals', 'answered'],
	rating: ['equals', 'gte', 'lte', 'answered'],
	multi: ['includes', 'answered'],
	ranking: ['includes', 'answered'],
	number: ['gte', 'lte', 'answered'],
	matrix: ['answered'],
	text: ['answered'],
	date: ['answered'],
	info: []
};

const kindOf = (c: Leaf) => Object.keys(c).find((k) => k !== 'question') ?? '';

function questionProblems(q: Question, path: (string | number)[]): StructuralProblem[] {
	const problems: StructuralProblem[] = [];
	const add = (code: string, message: string, values?: Record<string, string | number>) =>
		problems.push({ code, message, path, values });
	if (
		(q.type === 'multi' || q.type === 'number' || q.type === 'date') &&
		q.min !== undefined &&
		q.max !== undefined &&
		q.min > q.max
	) {
		add('min_above_max', 'min is above max');
	}
	if ((q.type === 'single' || q.type === 'multi') && q.other) {
		if (q.options.some((o) => o.key === 'other')) {
			add('other_key_taken', 'with other: true, no option may have the key "other"');
		}
	}
	if (q.type === 'ranking' && q.top > q.options.length) {
		add('top_above_options', 'top is above the number of options', { top: q.top });
	}
	if (q.type === 'rating' && q.labels.middle && q.points % 2 === 0) {
		add('middle_needs_odd', 'a middle label needs an odd number of points');
	}
	return problems;
}

export function structuralProblems(
	def: Pick<Definition, 'sections' | 'strata'> & Pick<Partial<Definition>, 'breakdowns'>
): StructuralProblem[] {
	const problems: StructuralProblem[] = [];
	const seen = new Map<string, Question>();
	const checkRefs = (c: Condition | undefined, path: (string | number)[]) => {
		for (const leaf of c ? leaves(c) : []) {
			const target = seen.get(leaf.question);
			if (!target) {
				problems.push({
					code: 'later_reference',
					message: `condition refers to "${leaf.question}", not an earlier question`,
					path,
					values: { ref: leaf.question }
				});
			} else if (!CONDITION_KINDS[target.type].includes(kindOf(leaf))) {
				problems.push({
					code: 'condition_type',
					message: `a condition "${kindOf(leaf)}" cannot hold for "${leaf.question}" (${target.type})`,
					path,
					values: { ref: leaf.question }
				});
			}
		}
	};
	const sectionKeys = new Set<string>();
	def.sections.forEach((s, si) => {
		if (sectionKeys.has(s.key)) {
			problems.push({
				code: 'duplicate_key',
				message: `section key "${s.key}" is used twice`,
				path: ['sections', si, 'key'],
				values: { key: s.key }
			});
		}
		sectionKeys.add(s.key);
		checkRefs(s.showIf, ['sections', si, 'showIf']);
		s.questions.forEach((q, qi) => {
			const path = ['sections', si, 'questions', qi];
			checkRefs(q.showIf, [...path, 'showIf']);
			if (seen.has(q.key)) {
				problems.push({
					code: 'duplicate_key',
					message: `question key "${q.key}" is used twice`,
					path: [...path, 'key'],
					values: { key: q.key }
				});
			}
			problems.push(...questionProblems(q, path));
			seen.set(q.key, q);
		});
	});
	for (const stratum of ['district', 'ageGroup'] as const) {
		const ref = def.strata?.[stratum];
		const target = ref ? seen.get(ref) : undefined;
		if (ref && target?.type !== 'single') {
			problems.push({
				code: 'stratum_not_single',
				message: `strata.${stratum} must name a single-choice question`,
				path: ['strata', stratum]
			});
		} else if (target?.type === 'single' && target.other) {
			problems.push({
				code: 'stratum_other',
				message: `strata.${stratum} cannot offer a free-text "other"`,
				path: ['strata', stratum]
			});
		}
	}
	(def.breakdowns ?? []).forEach((ref, i) => {
		const type = seen.get(ref)?.type;
		if (!['single', 'multi', 'rating'].includes(type ?? '') || def.breakdowns?.indexOf(ref) !== i) {
			problems.push({
				code: 'breakdown_invalid',
				message: 'breakdowns must name distinct single, multi or rating questions',
				path: ['breakdowns', i],
				values: { ref }
			});
		}
	});
	return problems;
}
