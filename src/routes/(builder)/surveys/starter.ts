import type { Definition } from '$lib/domain/questionnaire';

/** What a new survey starts from: one section, one question, both languages. */
export const starterDefinition = (): Definition => ({
	languages: ['ja', 'en'],
	strata: {},
	sections: [
		{
			key: 'section_1',
			title: { ja: 'セクション1', en: 'Section 1' },
			questions: [
				{
					key: 'q1',
					type: 'single',
					text: { ja: '質問1', en: 'Question 1' },
					required: false,
					display: 'radio',
					options: [
						{ key: 'a', label: { ja: '選択肢1', en: 'Option 1' } },
						{ key: 'b', label: { ja: '選択肢2', en: 'Option 2' } }
					]
				}
			]
		}
	]
});
