/**
 * Public results in SQL: anonymous visitors read nothing until an editor or admin
 * publishes a survey's results, then only suppressed aggregates; the toggle is
 * role-checked and audited; and over random counts no hidden cell can be worked
 * out from a published total and the shown cells.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '$lib/domain/questionnaire';
import { suppressed } from '$lib/domain/suppression';
import type { Claims } from '../db/context';
import { inRequestContext } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

const t = (ja: string) => ({ ja, en: ja });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));
const CHOICES = ['a', 'b', 'c', 'd'];
const SCALE = ['1', '2', '3'];
const def = definition.parse({
	languages: ['ja'],
	strata: { district: 'district', ageGroup: 'age' },
	sections: [
		{
			key: 's',
			title: t('s'),
			questions: [
				{
					key: 'district',
					type: 'single',
					text: t('地区'),
					required: true,
					options: options('d1', 'd2')
				},
				{ key: 'age', type: 'single', text: t('年代'), required: true, options: options('y', 'o') },
				{ key: 'q', type: 'single', text: t('q'), options: options(...CHOICES) },
				{
					key: 'm',
					type: 'matrix',
					text: t('m'),
					rows: options('r1', 'r2'),
					dimensions: options('sat'),
					scale: options(...SCALE)
				},
				{ key: 'note', type: 'text', text: t('自由記述') }
			]
		}
	]
});

let db: TestDatabase;
let org: string;
let admin: Claims;
let editor: Claims;
let analyst: Claims;
const as = (claims: Claims | null) => createSqlBackend(db.app, claims);

beforeAll(async () => {
	db = await createTestDatabase();
	org = await createOrganization(db.owner, 'public-city');
	admin = await createStaff(db.owner, org, 'admin@public.example', 'admin');
	editor = await createStaff(db.owner, org, 'editor@public.example', 'editor');
	analyst = await createStaff(db.owner, org, 'analyst@public.example', 'analyst');
});
afterAll(() => db.drop());

describe('publishing results', () => {
	it('shows anon nothing before the toggle, and suppressed aggregates after', async () => {
		const { surveyId, versionId } = await createSurvey(db.owner, org, 'published-results', def);
		const submit = (district: string, q: string) =>
			as(null).responses.submit({
				surveyId,
				versionId,
				idempotencyKey: randomUUID(),
				language: 'ja',
				answers: { district, age: 'y', q, note: 'ひみつの自由記述' }
			});
		// 'a' six times, 'b' twice: with k = 5, 'b' is hidden and so is 'a' (secondary).
		for (const q of ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b']) await submit('d1', q);

		expect(await as(null).publicResults.read('published-results')).toBeNull();
		expect(await as(analyst).publicResults.setPublished(surveyId, true)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await as(null).publicResults.setPublished(surveyId, true)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await as(null).publicResults.read('published-results')).toBeNull();

		expect(await as(editor).publicResults.setPublished(surveyId, true)).toEqual({
			ok: true,
			published: true
		});
		expect((await as(editor).builder.get(surveyId))?.resultsPublished).toBe(true);
		const results = await as(null).publicResults.read('published-results');
		expect(results).toMatchObject({ slug: 'published-results', respondents: 8, minCellSize: 5 });
		const q = results!.counts.filter((c) => c.question_key === 'q');
		expect(q).toEqual([
			{ question_key: 'q', item: '', choice: '', n: 8 },
			{ question_key: 'q', item: '', choice: 'a', n: null },
			{ question_key: 'q', item: '', choice: 'b', n: null },
			{ question_key: 'q', item: '', choice: 'c', n: 0 },
			{ question_key: 'q', item: '', choice: 'd', n: 0 }
		]);
		// Only closed questions; no free text anywhere in what anon gets.
		expect(new Set(results!.counts.map((c) => c.question_key))).toEqual(
			new Set(['district', 'age', 'q', 'm'])
		);
		expect(JSON.stringify(results!.counts)).not.toContain('ひみつ');
		expect(results!.strata).toEqual([{ district: 'd1', age_group: 'y', n: 8 }]);

		// The change is audited, with the editor as actor.
		const [entry] = await as(admin).audit.list(org, { entity: 'surveys' });
		expect(entry).toMatchObject({ action: 'update', actorEmail: 'editor@public.example' });
		expect(entry.after).toMatchObject({ results_published: true });

		expect(await as(admin).publicResults.setPublished(surveyId, false)).toEqual({
			ok: true,
			published: false
		});
		expect(await as(null).publicResults.read('published-results')).toBeNull();
	});

	it('refuses a direct update of the column, even to an editor', async () => {
		const { surveyId } = await createSurvey(db.owner, org, 'direct-update', def);
		const direct = inRequestContext(db.app, editor, (query) =>
			query('update public.surveys set results_published = true where id = $1', [surveyId])
		);
		await expect(direct).rejects.toMatchObject({ code: '42501' });
		const titleOnly = inRequestContext(db.app, editor, (query) =>
			query(`update public.surveys set title = '{"ja":"新"}' where id = $1 returning id`, [
				surveyId
			])
		);
		await expect(titleOnly).resolves.toHaveLength(1);
	});
});

describe('public counts over random distributions', () => {
	const line = fc.array(fc.nat({ max: 14 }), {
		minLength: CHOICES.length,
		maxLength: CHOICES.length
	});
	const grid = fc.array(fc.nat({ max: 9 }), { minLength: 4, maxLength: 4 });

	it('never lets a hidden count be worked out from the total and the shown ones', async () => {
		let run = 0;
		let hiddenSeen = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					k: fc.integer({ min: 3, max: 10 }),
					q: line,
					r1: fc.array(fc.nat({ max: 9 }), { minLength: 3, maxLength: 3 }),
					strata: grid
				}),
				async ({ k, q, r1, strata }) => {
					run++;
					await db.owner.query('update public.organizations set min_cell_size = $2 where id = $1', [
						org,
						k
					]);
					const slug = `random-${run}`;
					const { surveyId } = await createSurvey(db.owner, org, slug, def);
					await db.owner.query('update public.surveys set results_published = true where id = $1', [
						surveyId
					]);
					// Rollups as the submit path leaves them: choice '' is who answered the item.
					const rows: [string, string, string, number][] = [
						['q', '', '', q.reduce((a, b) => a + b, 0)],
						...q.map((n, i): [string, string, string, number] => ['q', '', CHOICES[i], n]),
						['m', 'r1/sat', '', r1.reduce((a, b) => a + b, 0)],
						...r1.map((n, i): [string, string, string, number] => ['m', 'r1/sat', SCALE[i], n])
					];
					for (const [question, item, choice, n] of rows.filter((r) => r[3] > 0)) {
						await db.owner.query(
							`insert into public.rollup_counts
							 (survey_id, question_key, item, choice, district, age_group, shard, n)
							 values ($1, $2, $3, $4, 'd1', 'y', 0, $5)`,
							[surveyId, question, item, choice, n]
						);
					}
					const cells = [
						['d1', 'o'],
						['d1', 'y'],
						['d2', 'o'],
						['d2', 'y']
					];
					for (const [i, [district, age]] of cells.entries()) {
						if (strata[i] === 0) continue;
						await db.owner.query(
							`insert into public.rollup_responses (survey_id, district, age_group, shard, n)
							 values ($1, $2, $3, 0, $4)`,
							[surveyId, district, age, strata[i]]
						);
					}

					const results = await as(null).publicResults.read(slug);
					if (!results) throw new Error('published results are missing');
					const total = strata.reduce((a, b) => a + b, 0);
					expect(results.respondents).toBe(total > 0 && total < k ? null : total);

					for (const [question, item, choices, exact] of [
						['q', '', CHOICES, q],
						['m', 'r1/sat', SCALE, r1]
					] as const) {
						const mine = results.counts.filter(
							(c) => c.question_key === question && c.item === item
						);
						const answered = mine.find((c) => c.choice === '')?.n;
						const shown = choices.map((choice) => {
							const found = mine.find((c) => c.choice === choice);
							if (!found) throw new Error(`no cell for ${choice}`);
							return found.n;
						});
						const sum = exact.reduce((a, b) => a + b, 0);
						// Shown counts are exact and never small.
						shown.forEach((n, i) => {
							if (n === null) return;
							expect(n).toBe(exact[i]);
							expect(n === 0 || n >= k).toBe(true);
						});
						exact.forEach((n, i) => {
							if (n > 0 && n < k) expect(shown[i]).toBeNull();
						});
						hiddenSeen += shown.filter((n) => n === null).length;
						if (answered === null) {
							expect(sum > 0 && sum < k).toBe(true);
							continue;
						}
						expect(answered).toBe(sum);
						// The published total minus the shown counts is never one hidden count.
						const rest = sum - shown.reduce<number>((a, n) => a + (n ?? 0), 0);
						const hidden = exact.filter((_, i) => shown[i] === null);
						if (hidden.length > 0) {
							expect(hidden.length).toBeGreaterThanOrEqual(2);
							expect(hidden).not.toContain(rest);
						}
					}

					// The district × age-group table: the same suppression as the dashboard's.
					const counts = [strata.slice(0, 2), strata.slice(2, 4)];
					const districts = ['d1', 'd2'];
					const ages = ['o', 'y'];
					const used = {
						rows: [0, 1].filter((r) => counts[r].some((n) => n > 0)),
						cols: [0, 1].filter((c) => counts.some((row) => row[c] > 0))
					};
					const table = used.rows.map((r) => used.cols.map((c) => counts[r][c]));
					const want = suppressed(table, k).flatMap((row, r) =>
						row.flatMap((n, c) =>
							n === 0
								? []
								: [{ district: districts[used.rows[r]], age_group: ages[used.cols[c]], n }]
						)
					);
					const order = (rows: { district: string; age_group: string }[]) =>
						[...rows].sort((x, y) =>
							`${x.district}|${x.age_group}`.localeCompare(`${y.district}|${y.age_group}`)
						);
					expect(order(results.strata)).toEqual(order(want));
				}
			),
			{ numRuns: 60 }
		);
		expect(hiddenSeen).toBeGreaterThan(0);
	});
});
