import type { LocalText, Question } from '$lib/domain/questionnaire';

export const EDITABLE_TYPES = [
	'single',
	'multi',
	'matrix',
	'rating',
	'number',
	'date',
	'ranking',
	'text',
	'info'
] as const;

const option = (key: string, ja: string) => ({ key, label: { ja } });
const twoOptions = () => [option('a', '選択肢1'), option('b', '選択肢2')];

/** A new question of a type, keeping its key and text when the type changes. */
export function blankQuestion(type: string, key: string, text: LocalText): Question {
	const base = { key, text, required: false };
	switch (type) {
		case 'multi':
			return { ...base, type: 'multi', options: twoOptions() };
		case 'matrix':
			return {
				...base,
				type: 'matrix',
				rows: [option('r1', '項目1')],
				dimensions: [option('value', '評価')],
				scale: ['5', '4', '3', '2', '1'].map((k) => option(k, k))
			};
		case 'rating':
			return {
				...base,
				type: 'rating',
				points: 5,
				startAt: 1,
				labels: { low: { ja: '低い' }, high: { ja: '高い' } }
			};
		case 'number':
			return { ...base, type: 'number', integer: true, min: 0 };
		case 'date':
			return { ...base, type: 'date' };
		case 'ranking':
			return {
				...base,
				type: 'ranking',
				options: [...twoOptions(), option('c', '選択肢3')],
				top: 2
			};
		case 'text':
			return { ...base, type: 'text', multiline: true, maxLength: 1000 };
		case 'info':
			return { ...base, type: 'info' };
		default:
			return { ...base, type: 'single', display: 'radio', options: twoOptions() };
	}
}
