import { describe, expect, it } from 'vitest';
import { sampleDefinition } from './fixtures';
import { definition } from './questionnaire';
import { minutesLeft, questionSeconds, SECONDS, secondsLeft } from './time-left';

const grid = sampleDefinition.sections[2].questions[0];

describe('time left', () => {
	it('prices a matrix per row and dimension', () => {
		// 2 rows × 2 dimensions
		expect(questionSeconds(grid)).toBe(4 * SECONDS.matrix);
	});

	it('counts the shown questions from the current page on', () => {
		// pages: [district, age] [stay] [why_leave if stay = no] [grid, comment]
		const rest = 4 * SECONDS.matrix + SECONDS.text;
		expect(secondsLeft(sampleDefinition, {}, 3)).toBe(rest);
		expect(secondsLeft(sampleDefinition, { stay: 'yes' }, 1)).toBe(SECONDS.single + rest);
		expect(secondsLeft(sampleDefinition, { stay: 'no' }, 1)).toBe(
			SECONDS.single + SECONDS.multi + rest
		);
		expect(secondsLeft(sampleDefinition, {}, 0)).toBe(3 * SECONDS.single + rest);
	});

	it('rounds up to whole minutes, never below one', () => {
		const many = definition.parse({
			languages: ['ja'],
			sections: [
				{
					key: 's',
					title: { ja: '質問' },
					questions: Array.from({ length: 13 }, (_, i) => ({
						key: `q${i}`,
						type: 'single',
						text: { ja: `問${i}` },
						options: [
							{ key: 'a', label: { ja: 'はい' } },
							{ key: 'b', label: { ja: 'いいえ' } }
						]
					}))
				}
			]
		});
		expect(secondsLeft(many, {}, 0)).toBe(13 * SECONDS.single);
		expect(minutesLeft(many, {}, 0)).toBe(Math.ceil((13 * SECONDS.single) / 60));
		expect(minutesLeft(many, {}, 1)).toBe(1);
	});
});
