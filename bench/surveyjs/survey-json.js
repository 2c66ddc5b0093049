// The first page of Koe's demo survey as SurveyJS JSON, derived from the same
// definition that Koe seeds, so both tools render the same Japanese content.
import { demoDefinition, demoSurvey } from '../../scripts/lib/demo-survey.js';

/** @typedef {import('../../scripts/lib/demo-survey.js').Section} Section */

/**
 * @param {Section} section
 * @returns {Record<string, unknown>[]} one `radiogroup` per single-choice question
 */
function radiogroups(section) {
	return section.questions.map((question) => {
		if (question.type !== 'single') {
			throw new Error(
				`question ${question.key} is "${question.type}"; the bench maps only "single"`
			);
		}
		return {
			type: 'radiogroup',
			name: question.key,
			title: question.text.ja,
			description: question.help?.ja,
			isRequired: question.required,
			choices: question.options.map((option) => ({ value: option.key, text: option.label.ja }))
		};
	});
}

/** The survey shown on both pages, one page: the demo's first section. */
export function firstPageSurvey() {
	const section = demoDefinition.sections[0];
	return {
		locale: 'ja',
		title: demoSurvey.title.ja,
		pages: [
			{
				name: section.key,
				title: section.title.ja,
				description: section.description?.ja,
				elements: radiogroups(section)
			}
		]
	};
}

/** The title of the first question: both pages are ready once it shows. */
export function firstQuestionTitle() {
	return demoDefinition.sections[0].questions[0].text.ja;
}
