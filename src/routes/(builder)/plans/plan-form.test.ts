import { describe, expect, it } from 'vitest';
import { readMilestones } from './plan-form';

describe('milestone rows', () => {
	it('reads filled rows, skips blank ones and names a wrong one', () => {
		const row = (i: number, title: string, extra: Record<string, string> = {}) => ({
			[`kind_${i}`]: 'council',
			[`title_${i}`]: title,
			[`starts_on_${i}`]: '2027-02-01',
			[`ends_on_${i}`]: '',
			[`status_${i}`]: 'planned',
			[`survey_${i}`]: '',
			[`consultation_${i}`]: '',
			...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${k}_${i}`, v]))
		});
		expect(readMilestones({ ...row(0, '審議会'), ...row(1, ' ') }, 2)).toEqual({
			ok: true,
			milestones: [
				{
					kind: 'council',
					title: '審議会',
					startsOn: '2027-02-01',
					endsOn: null,
					status: 'planned',
					surveyId: null,
					consultationId: null
				}
			]
		});
		expect(readMilestones(row(0, '審議会', { ends_on: '2027-01-01' }), 1)).toEqual({
			ok: false,
			row: 1
		});
	});
});
