import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { sampleDefinition } from './fixtures';
import { definition } from './questionnaire';
import {
	publicItems,
	summaryFacts,
	summaryLine,
	type PublicCount,
	type SummaryFact
} from './public-results';
import { closedQuestions } from './tables';

const t = (ja: string, en: string) => ({ ja, en });
const def = definition.parse({
	languages: ['ja', 'en'],
	sections: [
		{
			key: 's',
			title: t('s', 's'),
			questions: [
				{
					key: 'stay',
					type: 'single',
					text: t('住み続けたいですか', 'Do you want to stay?'),
					options: [
						{ key: 'yes', label: t('住み続けたい', 'I want to stay') },
						{ key: 'maybe', label: t('どちらともいえない', 'Not sure') },
						{ key: 'no', label: t('移りたい', 'I want to move') }
					]
				},
				{
					key: 'good',
					type: 'multi',
					text: t('良いところ', 'Good points'),
					options: [
						{ key: 'nature', label: t('自然', 'Nature') },
						{ key: 'food', label: t('食べ物', 'Food') }
					]
				},
				{
					key: 'bus',
					type: 'single',
					text: t('バス', 'Bus'),
					options: [
						{ key: 'a', label: t('A', 'A') },
						{ key: 'b', label: t('B', 'B') }
					]
				}
			]
		}
	]
});

const cell = (question_key: string, choice: string, n: number | null, item = ''): PublicCount => ({
	question_key,
	item,
	choice,
	n
});

describe('summary lines of the public results page', () => {
	it('names the most chosen answer of each single-choice question, as a share of those who answered', () => {
		const counts = [
			cell('stay', '', 1234),
			cell('stay', 'yes', 790),
			cell('stay', 'maybe', 300),
			cell('stay', 'no', 144),
			cell('good', '', 50),
			cell('good', 'nature', 40)
		];
		expect(summaryFacts(def, counts, 'ja')).toEqual<SummaryFact[]>([
			{
				questionKey: 'stay',
				question: '住み続けたいですか',
				choice: '住み続けたい',
				percent: 64,
				answered: 1234
			}
		]);
		const [fact] = summaryFacts(def, counts, 'en');
		expect(summaryLine(summaryFacts(def, counts, 'ja')[0], createTranslator('ja'), 'ja')).toBe(
			'「住み続けたい」と答えた人は 64%（この質問に答えた 1,234人中）'
		);
		expect(summaryLine(fact, createTranslator('en'), 'en')).toBe(
			'64% answered “I want to stay” (of 1,234 who answered this question)'
		);
	});

	it('never speaks of a hidden count, nor of a question whose base is hidden', () => {
		// k = 5: 3 and 4 are hidden; the smallest shown answer next to them is 6.
		const counts = [
			cell('stay', '', 13),
			cell('stay', 'yes', null),
			cell('stay', 'maybe', 6),
			cell('stay', 'no', null),
			cell('bus', '', null),
			cell('bus', 'a', null),
			cell('bus', 'b', 0)
		];
		const facts = summaryFacts(def, counts, 'ja');
		expect(facts).toEqual([
			expect.objectContaining({ questionKey: 'stay', choice: 'どちらともいえない', percent: 46 })
		]);
	});

	it('says nothing when every count is hidden or nobody answered', () => {
		const hidden = [cell('stay', '', 9), cell('stay', 'yes', null), cell('stay', 'no', null)];
		expect(summaryFacts(def, hidden, 'ja')).toEqual([]);
		expect(summaryFacts(def, [], 'ja')).toEqual([]);
	});

	it('takes the first answer on a tie', () => {
		const counts = [cell('bus', '', 20), cell('bus', 'a', 10), cell('bus', 'b', 10)];
		expect(summaryFacts(def, counts, 'en')).toMatchObject([{ choice: 'A', percent: 50 }]);
	});
});

describe('bars of the public results page', () => {
	it('gives percentages of those who answered, and none where a count or the base is hidden', () => {
		const [stay] = publicItems(
			closedQuestions(def)[0],
			[cell('stay', '', 10), cell('stay', 'yes', 10), cell('stay', 'no', null)],
			'ja'
		);
		expect(stay.answered).toBe(10);
		expect(stay.bars.map((b) => [b.key, b.n, b.percent])).toEqual([
			['yes', 10, 100],
			['maybe', 0, 0],
			['no', null, null]
		]);
		const [hiddenBase] = publicItems(
			closedQuestions(def)[0],
			[cell('stay', '', null), cell('stay', 'yes', 0)],
			'ja'
		);
		expect(hiddenBase.bars.every((b) => b.percent === null)).toBe(true);
	});

	it('splits a matrix into its rows and dimensions', () => {
		const grid = closedQuestions(sampleDefinition).find((q) => q.type === 'matrix')!;
		const items = publicItems(grid, [], 'ja');
		expect(items.length).toBeGreaterThan(1);
		expect(items.every((i) => i.item.includes('/'))).toBe(true);
	});
});
