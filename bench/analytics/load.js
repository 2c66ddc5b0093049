// Loads N synthetic responses into the demo survey by SQL, as the submit path
// would leave them: responses with their stratum, the answers of one question
// (for the naive GROUP BY to scan), and rollups for every closed question.

/**
 * @param {import('pg').Client} db connected as the owner
 * @param {{ surveyId: string, versionId: string, target: { key: string, choices: string[] },
 *   closed: { key: string, items: string[], choices: string[] }[], districts: string[],
 *   ageGroups: string[], count: number }} spec
 */
export async function loadResponses(db, spec) {
	const { surveyId, versionId, target, closed, districts, ageGroups, count } = spec;
	await db.query(`create temporary table bench_responses (id uuid, district text, age_group text)`);
	await db.query(
		`insert into bench_responses
		 select gen_random_uuid(), ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int],
		        ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
		 from generate_series(1, $3)`,
		[districts, ageGroups, count]
	);
	await db.query(
		`insert into public.responses (id, survey_id, version_id, district, age_group, source, submitted_on, is_demo)
		 select id, $1, $2, district, age_group, case when random() < 0.3 then 'paper' else 'web' end,
		        date '2026-11-01' + floor(random() * 30)::int, true
		 from bench_responses`,
		[surveyId, versionId]
	);
	await db.query(
		`insert into public.answers (response_id, survey_id, question_key, item, choice)
		 select id, $1, $2, '', ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
		 from bench_responses`,
		[surveyId, target.key, target.choices]
	);
	await db.query(
		`insert into public.rollup_responses (survey_id, district, age_group, shard, n)
		 select $1, district, age_group, 0, count(*) from bench_responses group by district, age_group
		 on conflict (survey_id, district, age_group, shard) do update set n = rollup_responses.n + excluded.n`,
		[surveyId]
	);
	// The scanned question's rollups are exact; the others are spread over their
	// choices at random: the dashboard reads the same number of cells either way.
	await db.query(
		`insert into public.rollup_counts (survey_id, question_key, item, choice, district, age_group, shard, n)
		 select $1, $2, '', c.choice, r.district, r.age_group, 0, count(*)
		 from public.answers a join bench_responses r on r.id = a.response_id
		 cross join lateral (values (a.choice), ('')) c(choice)
		 where a.survey_id = $1 and a.question_key = $2
		 group by c.choice, r.district, r.age_group
		 on conflict (survey_id, question_key, item, choice, district, age_group, shard)
		 do update set n = rollup_counts.n + excluded.n`,
		[surveyId, target.key]
	);
	const cells = Math.max(1, districts.length * ageGroups.length);
	for (const q of closed.filter((c) => c.key !== target.key)) {
		await db.query(
			`insert into public.rollup_counts (survey_id, question_key, item, choice, district, age_group, shard, n)
			 select $1, $2, item, choice, d, a, 0, floor(random() * 2 * $6 / cardinality($5::text[]))::bigint
			 from unnest($3::text[]) item, unnest($4::text[]) d, unnest($7::text[]) a,
			      unnest(array[''] || $5::text[]) choice
			 on conflict (survey_id, question_key, item, choice, district, age_group, shard)
			 do update set n = rollup_counts.n + excluded.n`,
			[surveyId, q.key, q.items, districts, q.choices, count / cells, ageGroups]
		);
	}
	await db.query(
		'analyze public.responses, public.answers, public.rollup_counts, public.rollup_responses'
	);
}
