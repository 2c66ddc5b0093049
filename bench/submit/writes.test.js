import { expect, it } from 'vitest';
import { describeWrites, perResponse } from './writes.js';

it('divides what changed by the responses stored', () => {
	const before = {
		tables: {
			'public.answers': { ins: 100, upd: 0, del: 0 },
			'public.other': { ins: 5, upd: 0, del: 0 }
		},
		commits: 1000,
		responses: 10
	};
	const after = {
		tables: {
			'public.answers': { ins: 180, upd: 0, del: 0 },
			'public.other': { ins: 5, upd: 0, del: 0 },
			'public.rollup_counts': { ins: 3, upd: 57, del: 0 }
		},
		commits: 1030,
		responses: 12
	};
	const cost = perResponse(before, after);
	expect(cost).toEqual({
		responses: 2,
		commits: 15,
		tables: {
			'public.answers': { ins: 40, upd: 0, del: 0 },
			'public.rollup_counts': { ins: 1.5, upd: 28.5, del: 0 }
		}
	});
	expect(describeWrites(cost)).toBe('public.answers +40, public.rollup_counts +1.5 ~28.5');
	expect(() => perResponse(after, after)).toThrow();
});
