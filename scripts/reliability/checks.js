// What the database holds after a run, checked against what the clients were
// told, and every rollup recounted from the answer rows.
import pg from 'pg';

/**
 * The rollups as the submit path keeps them (summed over shards) next to a recount
 * from responses and answers, written from the definitions in the migrations:
 *   rollup_counts      per closed item and stratum: each chosen option, and ''
 *                      for every response that answered the item at all;
 *   rollup_numbers     per number question, value and stratum;
 *   rollup_responses   per stratum;
 *   rollup_breakdowns  per group ('' = everyone; per breakdown question the option
 *                      chosen or '' = not answered) × target ('' = the response,
 *                      each chosen option, '' per answered closed item), with
 *                      source and day.
 * Each query returns the cells where the two differ.
 */
const RECOUNTS = {
	rollup_counts: `
		with kept as (
			select question_key, item, choice, district, age_group, sum(n)::bigint n
			from public.rollup_counts where survey_id = $1
			group by 1, 2, 3, 4, 5),
		recount as (
			select a.question_key, a.item, a.choice, r.district, r.age_group, count(*) n
			from public.answers a join public.responses r on r.id = a.response_id
			where a.survey_id = $1 and a.choice is not null group by 1, 2, 3, 4, 5
			union all
			select a.question_key, a.item, '', r.district, r.age_group, count(distinct a.response_id)
			from public.answers a join public.responses r on r.id = a.response_id
			where a.survey_id = $1 group by 1, 2, 3, 4, 5)
		select * from kept full join recount using (question_key, item, choice, district, age_group)
		where kept.n is distinct from recount.n`,
	rollup_numbers: `
		with kept as (
			select question_key, value, district, age_group, sum(n)::bigint n
			from public.rollup_numbers where survey_id = $1 group by 1, 2, 3, 4),
		recount as (
			select a.question_key, a.number as value, r.district, r.age_group, count(*) n
			from public.answers a join public.responses r on r.id = a.response_id
			where a.survey_id = $1 and a.number is not null group by 1, 2, 3, 4)
		select * from kept full join recount using (question_key, value, district, age_group)
		where kept.n is distinct from recount.n`,
	rollup_responses: `
		with kept as (
			select district, age_group, sum(n)::bigint n
			from public.rollup_responses where survey_id = $1 group by 1, 2),
		recount as (
			select district, age_group, count(*) n from public.responses where survey_id = $1 group by 1, 2)
		select * from kept full join recount using (district, age_group)
		where kept.n is distinct from recount.n`,
	rollup_breakdowns: `
		with kept as (
			select breakdown_key, question_key, item, choice, breakdown_choice, district, age_group,
				source, submitted_on, sum(n)::bigint n
			from public.rollup_breakdowns where survey_id = $1 group by 1, 2, 3, 4, 5, 6, 7, 8, 9),
		breakdown_keys as (
			select distinct b.key from public.responses r
			join public.survey_versions v on v.id = r.version_id
			cross join jsonb_array_elements_text(coalesce(v.definition -> 'breakdowns', '[]')) b(key)
			where r.survey_id = $1),
		groups as (
			select r.id response_id, '' breakdown_key, '' breakdown_choice
			from public.responses r where r.survey_id = $1
			union
			select r.id, b.key, coalesce(a.choice, '')
			from public.responses r cross join breakdown_keys b
			left join public.answers a on a.response_id = r.id and a.question_key = b.key
				and a.item = '' and a.choice is not null
			where r.survey_id = $1),
		targets as (
			select r.id response_id, '' question_key, '' item, '' choice
			from public.responses r where r.survey_id = $1
			union
			select a.response_id, a.question_key, a.item, a.choice from public.answers a
			where a.survey_id = $1 and a.choice is not null
			union
			select a.response_id, a.question_key, a.item, '' from public.answers a
			where a.survey_id = $1 and a.choice is not null),
		recount as (
			select g.breakdown_key, t.question_key, t.item, t.choice, g.breakdown_choice,
				r.district, r.age_group, r.source, r.submitted_on, count(*) n
			from public.responses r
			join groups g on g.response_id = r.id
			join targets t on t.response_id = r.id
			group by 1, 2, 3, 4, 5, 6, 7, 8, 9)
		select * from kept full join recount using (breakdown_key, question_key, item, choice,
			breakdown_choice, district, age_group, source, submitted_on)
		where kept.n is distinct from recount.n`
};

/** @typedef {{ responses: number, receipts: number, usedCodes: number, markers: string[], duplicateMarkers: number, hiddenAnswers: number, unknownAnswers: number, rollupDiffs: Record<string, unknown[]>, missingReceipts: number }} Stored */

/**
 * @param {string} ownerUrl
 * @param {string} surveyId
 * @returns {Promise<Stored>}
 */
export async function readStored(ownerUrl, surveyId) {
	const client = new pg.Client({ connectionString: ownerUrl });
	await client.connect();
	try {
		/** @param {string} sql */
		const one = async (sql) => {
			/** @type {pg.QueryResult<{ n: string }>} */
			const result = await client.query(sql, [surveyId]);
			return Number(result.rows[0].n);
		};
		const responses = await one('select count(*) n from public.responses where survey_id = $1');
		const receipts = await one(
			'select count(*) n from koe_private.submission_receipts where survey_id = $1'
		);
		// a receipt whose response is not there: acknowledged, yet lost
		const missingReceipts = await one(`
			select count(*) n from koe_private.submission_receipts s
			where s.survey_id = $1 and not exists (select 1 from public.responses r where r.id = s.response_id)`);
		const usedCodes = await one(
			'select count(*) n from public.invitation_codes where survey_id = $1 and used_via is not null'
		);
		/** @type {pg.QueryResult<{ text_value: string }>} */
		const { rows } = await client.query(
			`select text_value from public.answers where survey_id = $1 and question_key = 'comment'`,
			[surveyId]
		);
		const markers = rows.map((r) => r.text_value);
		const duplicateMarkers = markers.length - new Set(markers).size;
		const hiddenAnswers = await one(`
			select count(*) n from public.answers a
			where a.survey_id = $1 and a.question_key = 'leave_reasons' and not exists (
				select 1 from public.answers s where s.response_id = a.response_id
				and s.question_key = 'settle' and s.choice = 'leave')`);
		const unknownAnswers = await one(`
			select count(*) n from public.answers a join public.responses r on r.id = a.response_id
			join public.survey_versions v on v.id = r.version_id
			where a.survey_id = $1 and not exists (
				select 1 from jsonb_array_elements(v.definition -> 'sections') s
				cross join jsonb_array_elements(s -> 'questions') q where q ->> 'key' = a.question_key)`);
		/** @type {Record<string, unknown[]>} */
		const rollupDiffs = {};
		for (const [table, sql] of Object.entries(RECOUNTS)) {
			/** @type {pg.QueryResult<Record<string, unknown>>} */
			const result = await client.query(sql, [surveyId]);
			rollupDiffs[table] = result.rows;
		}
		return {
			responses,
			receipts,
			usedCodes,
			markers,
			duplicateMarkers,
			hiddenAnswers,
			unknownAnswers,
			rollupDiffs,
			missingReceipts
		};
	} finally {
		await client.end();
	}
}

/**
 * The problems with what is stored; `acked` are the markers whose POST was
 * acknowledged, `mustEqual` whether nothing else may be stored (no crash).
 * @param {Stored} stored
 * @param {Set<string>} acked
 * @param {{ codes: boolean, exact: boolean }} expect
 */
export function problems(stored, acked, expect) {
	/** @type {string[]} */
	const found = [];
	const markers = new Set(stored.markers);
	const lost = [...acked].filter((m) => !markers.has(m));
	if (lost.length) found.push(`${lost.length} acknowledged submissions are missing (${lost[0]} …)`);
	if (expect.exact && stored.responses !== acked.size) {
		found.push(`${stored.responses} responses stored, ${acked.size} acknowledged`);
	}
	if (stored.duplicateMarkers) found.push(`${stored.duplicateMarkers} submissions stored twice`);
	if (stored.markers.length !== stored.responses) {
		found.push(`${stored.responses} responses but ${stored.markers.length} marker answers`);
	}
	if (stored.receipts !== stored.responses || stored.missingReceipts) {
		found.push(
			`${stored.receipts} receipts (${stored.missingReceipts} without a response) for ${stored.responses} responses`
		);
	}
	if (expect.codes && stored.usedCodes !== stored.responses) {
		found.push(`${stored.usedCodes} codes used for ${stored.responses} responses`);
	}
	if (stored.hiddenAnswers)
		found.push(`${stored.hiddenAnswers} answers to a hidden question stored`);
	if (stored.unknownAnswers)
		found.push(`${stored.unknownAnswers} answers to unknown questions stored`);
	for (const [table, diffs] of Object.entries(stored.rollupDiffs)) {
		if (diffs.length) {
			found.push(
				`${table} differs from a recount in ${diffs.length} cells, e.g. ${JSON.stringify(diffs[0])}`
			);
		}
	}
	return found;
}
