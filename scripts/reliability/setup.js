// Sets up the surveys the checks answer, the way an editor does: the demo's
// editor runs the builder's and the sample page's SQL functions (survey_create,
// survey_publish, sample_settings_save, sample_import) in a request context, as
// the app would. Nothing here writes a table directly.
import pg from 'pg';
import { demoAgeGroups, demoDistricts } from '../lib/demo-survey.js';
import { randomCodes } from './codes.js';
import { definition } from './survey.js';

const EDITOR = 'editor@demo.koe.example';

/**
 * @template T
 * @param {string} ownerUrl
 * @param {(query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>} work
 * @returns {Promise<T>}
 */
async function asEditor(ownerUrl, work) {
	const client = new pg.Client({ connectionString: ownerUrl });
	await client.connect();
	try {
		/** @type {pg.QueryResult<{ id: string }>} */
		const { rows } = await client.query('select id from auth.users where email = $1', [EDITOR]);
		if (!rows[0]) throw new Error('the demo editor is missing: is the demo seeded?');
		await client.query('begin');
		await client.query('set local role authenticated');
		await client.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify({ sub: rows[0].id, role: 'authenticated', email: EDITOR })
		]);
		const result = await work(async (sql, params) => {
			/** @type {pg.QueryResult<Record<string, unknown>>} */
			const answer = await client.query(sql, params);
			return answer.rows;
		});
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		await client.end();
	}
}

/** @typedef {{ id: string, slug: string, versionId: string, codes: string[] }} TestSurvey */

/**
 * A published, open survey of the test questionnaire in the demo municipality;
 * with `codes` > 0 it requires an invitation code and gets a sample of that many
 * letters, spread over every district × age group.
 * @param {string} ownerUrl
 * @param {{ slug: string, codes: number }} options
 * @returns {Promise<TestSurvey>}
 */
export function createSurvey(ownerUrl, { slug, codes: count }) {
	return asEditor(ownerUrl, async (query) => {
		const [org] = await query("select id from public.organizations where slug = 'mine'");
		const [created] = await query('select public.survey_create($1, $2, $3, $4) as id', [
			org.id,
			slug,
			{ ja: `信頼性テスト ${slug}`, en: `Reliability ${slug}` },
			definition
		]);
		const id = String(created.id);
		const [published] = await query('select public.survey_publish($1) as version', [id]);
		const codes = randomCodes(count);
		if (count > 0) {
			await query('select public.sample_settings_save($1, true, false, $2, $3, $3, $3)', [
				id,
				'invalid',
				''
			]);
			const strata = demoDistricts.flatMap((d) => demoAgeGroups.map((a) => [d.code, a.code]));
			const rows = codes.map((code, i) => ({
				code,
				district: strata[i % strata.length][0],
				age_group: strata[i % strata.length][1]
			}));
			for (let first = 0; first < rows.length; first += 20_000) {
				const [{ result }] = await query('select public.sample_import($1, $2, $3) as result', [
					id,
					first + 1,
					JSON.stringify(rows.slice(first, first + 20_000))
				]);
				if (!(/** @type {{ ok: boolean }} */ (result).ok))
					throw new Error(`sample_import: ${JSON.stringify(result).slice(0, 300)}`);
			}
		}
		return { id, slug, versionId: String(published.version), codes };
	});
}
