// Run by bench/suites/analytics.js through vite-node (it imports the app's
// TypeScript): a fresh embedded database with the demo and 1,000,000 synthetic
// responses loaded by SQL, then the cross-tab, the whole dashboard load and the
// naive GROUP BY, timed through the app's own request path. Prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closedQuestions, choicesOf, itemsOf } from '../../src/lib/domain/tables';
import { definition as definitionSchema } from '../../src/lib/domain/questionnaire';
import { createSqlBackend } from '../../src/lib/server/backend/sql';
import { appDatabaseUrl } from '../../src/lib/server/db/app-url.js';
import { load as dashboardLoad } from '../../src/routes/(officials)/dashboard/[slug]/+page.server';
import { startEmbedded } from '../../scripts/lib/database.js';
import { migrate } from '../../scripts/lib/migrate.js';
import { seedDemoIfEmpty } from '../../scripts/lib/seed.js';
import { loadResponses } from './load.js';

const COUNT = Number(process.env.KOE_BENCH_RESPONSES ?? 1_000_000);
const RUNS = 40;
const quiet = () => {};
const progress = (/** @type {string} */ line) => console.error(line);

/**
 * @param {() => Promise<unknown>} work
 * @param {number} [runs]
 */
async function p95(work, runs = RUNS) {
	for (let i = 0; i < 3; i++) await work();
	/** @type {number[]} */
	const times = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return Math.round(times[Math.ceil(0.95 * times.length) - 1] * 10) / 10;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-bench-analytics-'));
const db = await startEmbedded({ dataDir, port: 55700, log: quiet });
try {
	await migrate(db.ownerUrl, { log: quiet });
	await seedDemoIfEmpty(db.ownerUrl, { log: quiet });
	const owner = new pg.Client({ connectionString: db.ownerUrl });
	await owner.connect();
	/** @type {{ rows: { id: string, version_id: string, definition: unknown, org_id: string }[] }} */
	const {
		rows: [survey]
	} = await owner.query(
		`select s.id, s.published_version_id as version_id, v.definition, s.org_id
		 from public.surveys s join public.survey_versions v on v.id = s.published_version_id
		 where s.slug = 'mine-2026'`
	);
	const def = definitionSchema.parse(survey.definition);
	const strata = [def.strata.district, def.strata.ageGroup];
	const closed = closedQuestions(def).map((q) => ({
		key: q.key,
		items: itemsOf(q, 'ja').map((i) => i.item),
		choices: choicesOf(q).map((c) => c.key)
	}));
	const target = closed.find(
		(q) => !strata.includes(q.key) && q.items.length === 1 && q.items[0] === ''
	);
	if (!target) throw new Error('the demo survey has no plain closed question to cross-tabulate');
	/** @param {string} table */
	const codes = async (table) =>
		/** @type {{ rows: { code: string }[] }} */ (
			await owner.query(`select code from public.${table} where org_id = $1`, [survey.org_id])
		).rows.map((r) => r.code);
	const started = performance.now();
	progress(`loading ${COUNT.toLocaleString('en-US')} responses…`);
	await loadResponses(owner, {
		surveyId: survey.id,
		versionId: survey.version_id,
		target: { key: target.key, choices: target.choices },
		closed,
		districts: await codes('districts'),
		ageGroups: await codes('age_groups'),
		count: COUNT
	});
	const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
	progress(`loaded in ${loadSeconds} s; measuring…`);

	/** @type {{ rows: { id: string, email: string }[] }} */
	const {
		rows: [admin]
	} = await owner.query(
		`select u.id, u.email from auth.users u join public.memberships m on m.user_id = u.id
		 where m.org_id = $1 and m.role = 'admin' limit 1`,
		[survey.org_id]
	);
	const app = new pg.Pool({ connectionString: appDatabaseUrl(db.ownerUrl, {}), max: 10 });
	const backend = createSqlBackend(app, {
		sub: admin.id,
		role: 'authenticated',
		email: admin.email
	});

	const crosstab = await p95(() => backend.results.crosstab(survey.id, target.key));
	const naive = await p95(
		() =>
			owner.query(
				`select r.district, r.age_group, a.choice, count(*)
				 from public.answers a join public.responses r on r.id = a.response_id
				 where a.survey_id = $1 and a.question_key = $2
				 group by r.district, r.age_group, a.choice`,
				[survey.id, target.key]
			),
		10
	);
	// Everything the dashboard page loads, through its own load function.
	const event = {
		locals: { backend, locale: 'ja', t: (/** @type {string} */ key) => key },
		params: { slug: 'mine-2026' },
		url: new URL('http://localhost/dashboard/mine-2026'),
		depends: () => {}
	};
	const dashboard = await p95(
		() => /** @type {Promise<unknown>} */ (dashboardLoad(/** @type {never} */ (event))),
		20
	);
	await app.end();
	await owner.end();
	console.log(
		JSON.stringify({
			responses: COUNT,
			loadSeconds,
			question: target.key,
			crosstab_p95_ms: crosstab,
			dashboard_p95_ms: dashboard,
			crosstab_naive_p95_ms: naive
		})
	);
} finally {
	await db.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
}
