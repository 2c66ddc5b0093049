import type { LocalText, Question } from '$lib/domain/questionnaire';

export const EDITABLE_TYPES = ['single', 'multi', 'matrix', 'text'] as const;

/** A new question of a type, keeping its key and text when the type changes. */
export function blankQuestion(type: string, key: string, text: LocalText): Question {
	const option = (k: string, ja: string) => ({ key: k, label: { ja } });
	switch (type) {
		case 'multi':
			return {
				key,
				text,
				type: 'multi',
				required: false,
				options: [option('a', '選択肢1'), option('b', '選択肢2')]
			};
		case 'matrix':
			return {
				key,
				text,
				type: 'matrix',
				required: false,
				rows: [option('r1', '項目1')],
				dimensions: [option('value', '評価')],
				scale: ['5', '4', '3', '2', '1'].map((k) => option(k, k))
			};
		case 'text':
			return { key, text, type: 'text', required: false, multiline: true, maxLength: 1000 };
		default:
			return {
				key,
				text,
				type: 'single',
				required: false,
				display: 'radio',
				options: [option('a', '選択肢1'), option('b', '選択肢2')]
			};
	}
}
