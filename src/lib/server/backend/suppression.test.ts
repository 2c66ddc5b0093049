/**
 * Small cells in SQL: for random strata submitted through submit_response, what
 * results_crosstab and results_strata give a caller without raw rights equals the
 * TypeScript mirror (src/lib/domain/suppression.ts), and an admin gets exact counts.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '$lib/domain/questionnaire';
import { suppressed } from '$lib/domain/suppression';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

const t = (ja: string) => ({ ja, en: ja });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));
const DISTRICTS = ['d1', 'd2', 'd3', 'd4'];
const AGES = ['a1', 'a2', 'a3'];
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
					options: options(...DISTRICTS)
				},
				{ key: 'age', type: 'single', text: t('年代'), required: true, options: options(...AGES) },
				{ key: 'q', type: 'single', text: t('q'), options: options('x', 'y') },
				{
					key: 'm',
					type: 'matrix',
					text: t('m'),
					rows: options('r1', 'r2'),
					dimensions: options('sat'),
					scale: options('1', '2')
				}
			]
		}
	]
});

let db: TestDatabase;
let org: string;
let admin: Claims;
let editor: Claims;
const as = (claims: Claims) => createSqlBackend(db.app, claims);

beforeAll(async () => {
	db = await createTestDatabase();
	org = await createOrganization(db.owner, 'small-cells');
	admin = await createStaff(db.owner, org, 'admin@small.example', 'admin');
	editor = await createStaff(db.owner, org, 'editor@small.example', 'editor');
});
afterAll(() => db.drop());

interface Respondent {
	district: string;
	age: string;
	q: string | null;
	m1: string | null;
}
type Cell = { district: string; age_group: string; n: number | null };
const key = (c: object) => JSON.stringify(c);
const sorted = <T extends object>(rows: T[]) =>
	[...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));

/** Every table of counts by district × age group, exact and as the mirror suppresses it. */
function expected(people: Respondent[], k: number, count: (p: Respondent) => boolean) {
	const districts = [...new Set(people.map((p) => p.district))].sort();
	const ages = [...new Set(people.map((p) => p.age))].sort();
	const counts = districts.map((d) =>
		ages.map((a) => people.filter((p) => p.district === d && p.age === a && count(p)).length)
	);
	const cells = (table: (number | null)[][]): Cell[] =>
		table.flatMap((row, r) =>
			row.flatMap((n, c) => (n === 0 ? [] : [{ district: districts[r], age_group: ages[c], n }]))
		);
	return { exact: cells(counts), shown: cells(suppressed(counts, k)) };
}

const respondent = fc.record({
	district: fc.constantFrom(...DISTRICTS),
	age: fc.constantFrom(...AGES),
	q: fc.constantFrom('x', 'y', null),
	m1: fc.constantFrom('1', '2', null)
});

describe('small-cell suppression in SQL', () => {
	it('matches the TypeScript mirror for callers without raw rights; admins get exact counts', async () => {
		let run = 0;
		let hidden = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(respondent, { minLength: 1, maxLength: 60 }),
				fc.integer({ min: 3, max: 10 }),
				async (people, k) => {
					run++;
					await db.owner.query('update public.organizations set min_cell_size = $2 where id = $1', [
						org,
						k
					]);
					const { surveyId, versionId } = await createSurvey(db.owner, org, `survey-${run}`, def);
					const results = await Promise.all(
						people.map((p) =>
							createSqlBackend(db.app, null).responses.submit({
								surveyId,
								versionId,
								idempotencyKey: randomUUID(),
								language: 'ja',
								answers: {
									district: p.district,
									age: p.age,
									...(p.q ? { q: p.q } : {}),
									...(p.m1 ? { m: { r1: { sat: p.m1 } } } : {})
								}
							})
						)
					);
					expect(results.every((r) => r.ok)).toBe(true);

					const strata = expected(people, k, () => true);
					hidden += strata.shown.filter((c) => c.n === null).length;
					expect(sorted(await as(editor).results.strata(surveyId))).toEqual(sorted(strata.shown));
					expect(sorted(await as(admin).results.strata(surveyId))).toEqual(sorted(strata.exact));
					expect(await as(editor).results.respondents(surveyId)).toBe(people.length);

					const tables = [
						{ question: 'q', item: '', choice: '', count: (p: Respondent) => p.q !== null },
						{ question: 'q', item: '', choice: 'x', count: (p: Respondent) => p.q === 'x' },
						{ question: 'q', item: '', choice: 'y', count: (p: Respondent) => p.q === 'y' },
						{ question: 'm', item: 'r1/sat', choice: '', count: (p: Respondent) => p.m1 !== null },
						{ question: 'm', item: 'r1/sat', choice: '1', count: (p: Respondent) => p.m1 === '1' },
						{ question: 'm', item: 'r1/sat', choice: '2', count: (p: Respondent) => p.m1 === '2' }
					];
					for (const question of ['q', 'm']) {
						const mine = tables.filter((x) => x.question === question);
						const want = (which: 'shown' | 'exact') =>
							sorted(
								mine.flatMap(({ item, choice, count }) =>
									expected(people, k, count)[which].map((c) => ({ ...c, item, choice }))
								)
							);
						const got = (claims: Claims) =>
							as(claims)
								.results.crosstab(surveyId, question)
								.then((rows) =>
									sorted(
										rows.map(({ district, age_group, item, choice, n }) => ({
											district,
											age_group,
											n,
											item,
											choice
										}))
									)
								);
						expect(await got(editor)).toEqual(want('shown'));
						expect(await got(admin)).toEqual(want('exact'));
					}
				}
			),
			{ numRuns: 30 }
		);
		expect(hidden).toBeGreaterThan(0);
	}, 120_000);
});
