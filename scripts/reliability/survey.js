// The questionnaire the reliability checks answer: one page, so that one form
// POST is one submission, with a question of every kind the rollups count
// (single, multiple choice behind a branch, a dual matrix, rating, number),
// a breakdown question, and a free-text question that carries each
// submission's marker.

/** @param {string} ja @param {string} en */
const text = (ja, en) => ({ ja, en });
/** @param {string} key @param {string} ja */
const option = (key, ja) => ({ key, label: text(ja, key) });

export const scale = ['s1', 's2', 's3', 's4', 's5'];
export const matrixRows = ['bus', 'clinic', 'park', 'school'];
export const leaveReasons = ['shopping', 'jobs', 'medical', 'commute'];
export const settleOptions = ['stay', 'leave', 'unsure'];
export const genders = ['male', 'female', 'other'];

/** @type {import('../../src/lib/domain/questionnaire.js').Definition} */
export const definition = {
	languages: ['ja', 'en'],
	strata: {},
	breakdowns: ['gender'],
	sections: [
		{
			key: 'main',
			title: text('信頼性テスト', 'Reliability test'),
			questions: [
				{
					type: 'single',
					key: 'gender',
					text: text('性別', 'Gender'),
					required: false,
					display: 'radio',
					options: genders.map((g) => option(g, g))
				},
				{
					type: 'single',
					key: 'settle',
					text: text('住み続けたいですか。', 'Stay?'),
					required: true,
					display: 'radio',
					options: settleOptions.map((s) => option(s, s))
				},
				{
					type: 'multi',
					key: 'leave_reasons',
					text: text('移りたい理由（2つまで）', 'Why leave? (up to 2)'),
					required: false,
					showIf: { question: 'settle', equals: 'leave' },
					max: 2,
					options: leaveReasons.map((r) => option(r, r))
				},
				{
					type: 'matrix',
					key: 'services',
					text: text('満足度と重要度', 'Satisfaction and importance'),
					required: true,
					rows: matrixRows.map((r) => option(r, r)),
					dimensions: [option('sat', '満足度'), option('imp', '重要度')],
					scale: scale.map((s) => option(s, s))
				},
				{
					type: 'rating',
					key: 'rating',
					text: text('総合評価', 'Overall'),
					required: false,
					points: 5,
					startAt: 1,
					labels: { low: text('低い', 'low'), high: text('高い', 'high') }
				},
				{
					type: 'number',
					key: 'years',
					text: text('居住年数', 'Years lived here'),
					required: false,
					min: 0,
					max: 120,
					integer: true
				},
				{
					type: 'text',
					key: 'comment',
					text: text('ご意見', 'Comments'),
					required: true,
					multiline: true,
					maxLength: 1000
				}
			]
		}
	]
};
