// The demo: 美祢市, its strata, one open survey, a staff account per role and a few
// hundred synthetic responses, so that a fresh install has dashboards worth looking
// at. Responses are generated from a fixed PRNG seed, so every install shows the
// same numbers and screenshots and tests can rely on them.
import pg from 'pg';
import { demoConsultationSql } from './demo-consultation.js';
import { queryOnce } from './query.js';
import {
	demoAgeGroups,
	demoDefinition,
	demoDistricts,
	demoOrganization,
	demoSurvey,
	typesDefinition,
	typesSurvey
} from './demo-survey.js';

/** @typedef {Record<string, string | string[] | Record<string, Record<string, string>>>} Answers */
/** @typedef {{ answers: Answers, language: 'ja' | 'en', source: 'web' | 'paper' }} DemoResponse */
/** @typedef {{ log?: (line: string) => void, responses?: number }} SeedOptions */
/**
 * @typedef {{ seeded: false } | { seeded: true, organizationId: string, surveyId: string,
 *   versionId: string, responses: number }} SeedResult
 */

const DEMO_PASSWORD = 'koe-demo-2026';

/** @type {{ email: string, password: string, role: 'admin' | 'editor' | 'analyst' | 'data_entry' }[]} */
export const demoAccounts = [
	{ email: 'admin@demo.koe.example', password: DEMO_PASSWORD, role: 'admin' },
	{ email: 'editor@demo.koe.example', password: DEMO_PASSWORD, role: 'editor' },
	{ email: 'analyst@demo.koe.example', password: DEMO_PASSWORD, role: 'analyst' },
	{ email: 'entry@demo.koe.example', password: DEMO_PASSWORD, role: 'data_entry' }
];

// ---------------------------------------------------------------------------
// Randomness

/**
 * mulberry32: tiny, fast and good enough for plausible-looking survey data.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** @typedef {() => number} Random */
/** @typedef {[string, number][]} Weights */

/**
 * @param {Random} rand
 * @param {Weights} weights
 */
function pick(rand, weights) {
	const total = weights.reduce((sum, [, w]) => sum + w, 0);
	let r = rand() * total;
	for (const [key, w] of weights) {
		r -= w;
		if (r < 0) return key;
	}
	return weights[weights.length - 1][0];
}

/**
 * Up to `count` different keys, likelier ones first, as a resident ticks boxes.
 * @param {Random} rand
 * @param {Weights} weights
 * @param {number} count
 */
function pickSome(rand, weights, count) {
	let left = weights.filter(([, w]) => w > 0);
	/** @type {string[]} */
	const chosen = [];
	while (chosen.length < count && left.length) {
		const key = pick(rand, left);
		chosen.push(key);
		left = left.filter(([k]) => k !== key);
	}
	return chosen;
}

/**
 * Weights that drift with age: `t` is 0 for the youngest group, 1 for the oldest.
 * @param {Weights} young
 * @param {number[]} old weights in the same order as `young`
 * @param {number} t
 * @returns {Weights}
 */
function byAge(young, old, t) {
	return young.map(([key, w], i) => [key, w + (old[i] - w) * t]);
}

/** @param {Random} rand standard normal, by Box–Muller */
function gaussian(rand) {
	return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * How many boxes a resident ticks when allowed "up to 3": most use all three.
 * @param {Random} rand
 */
function tickCount(rand) {
	const r = rand();
	return r < 0.15 ? 1 : r < 0.4 ? 2 : 3;
}

// ---------------------------------------------------------------------------
// Who answers: the respondent mix of a mailed survey in a small, ageing city

// Roughly the districts' shares of the population: 大嶺 is the city centre.
/** @type {Weights} */
const DISTRICT_WEIGHTS = [
	['omine', 30],
	['isa', 12],
	['ofuku', 5],
	['toyotamae', 5],
	['nishiatsu', 4],
	['higashiatsu', 4],
	['mito', 20],
	['shuho', 20]
];
/** Districts far from the centre and the railway, where buses and shops are scarce. */
const OUTLYING = new Set(['ofuku', 'toyotamae', 'nishiatsu', 'higashiatsu']);

// Older residents both outnumber and out-answer the young.
/** @type {Weights} */
const AGE_WEIGHTS = [
	['age18_29', 7],
	['age30s', 9],
	['age40s', 13],
	['age50s', 16],
	['age60s', 24],
	['age70plus', 31]
];

/** @type {Weights} */
const GENDER_WEIGHTS = [
	['female', 53],
	['male', 44],
	['other', 1],
	['no_answer', 2]
];

const YEARS_YOUNG = /** @type {Weights} */ ([
	['under5', 22],
	['from5to10', 12],
	['from10to20', 30],
	['over20', 36]
]);
const YEARS_OLD = [4, 4, 8, 84];

const SETTLE_YOUNG = /** @type {Weights} */ ([
	['stay_always', 14],
	['stay_for_now', 34],
	['prefer_leave', 20],
	['leave', 10],
	['unsure', 22]
]);
const SETTLE_OLD = [64, 22, 3, 2, 9];

const LEAVE_REASONS_YOUNG = /** @type {Weights} */ ([
	['shopping', 40],
	['commute', 35],
	['medical_welfare', 10],
	['jobs', 55],
	['childcare_education', 20],
	['transport', 40],
	['other', 8]
]);
const LEAVE_REASONS_OLD = [50, 5, 55, 5, 2, 55, 10];

const GOOD_POINTS_YOUNG = /** @type {Weights} */ ([
	['nature', 60],
	['safety', 30],
	['community', 15],
	['history_culture', 35],
	['housing', 12],
	['childcare', 12],
	['none', 10]
]);
const GOOD_POINTS_OLD = [65, 40, 40, 35, 6, 3, 4];

const PRIORITIES_YOUNG = /** @type {Weights} */ ([
	['medical_welfare', 30],
	['childcare_education', 55],
	['public_transport', 35],
	['jobs', 60],
	['tourism_geopark', 20],
	['disaster', 12],
	['settlement', 25],
	['digital', 18]
]);
const PRIORITIES_OLD = [70, 15, 60, 30, 15, 25, 20, 3];

/**
 * Mean rating per policy for the youngest and the oldest respondents, on the
 * 1–5 scale: [satisfaction young, satisfaction old, importance young, importance old].
 * Medical care and public transport matter most and satisfy least; tourism and the
 * Geopark, which live off the karst landscape, satisfy most.
 * @type {[string, number, number, number, number][]}
 */
const MEASURES = [
	['childcare', 3.0, 3.2, 4.3, 3.5],
	['school_education', 3.0, 3.2, 4.1, 3.6],
	['elderly_welfare', 3.0, 3.1, 3.5, 4.4],
	['medical_care', 2.4, 2.6, 4.4, 4.8],
	['disaster_prevention', 3.0, 3.1, 4.0, 4.3],
	['public_transport', 2.0, 2.3, 4.2, 4.7],
	['roads_infrastructure', 2.9, 2.8, 3.8, 4.0],
	['agriculture_forestry', 2.8, 2.7, 3.1, 3.8],
	['tourism', 3.7, 3.9, 3.6, 3.5],
	['employment', 2.1, 2.4, 4.5, 4.0],
	['migration_settlement', 2.6, 2.8, 3.9, 3.7],
	['digital_government', 2.7, 2.8, 3.7, 2.8]
];

/** @param {number} x */
const scalePoint = (x) => String(Math.min(5, Math.max(1, Math.round(x))));

/**
 * One resident's ratings. A personal offset per dimension makes some people rate
 * everything a little higher, as real respondents do.
 * @param {Random} rand
 * @param {number} t age position, 0 (youngest) to 1 (oldest)
 * @param {string} district
 */
function rateMeasures(rand, t, district) {
	const mood = { satisfaction: gaussian(rand) * 0.45, importance: gaussian(rand) * 0.35 };
	/** @type {Record<string, Record<string, string>>} */
	const ratings = {};
	for (const [row, satYoung, satOld, impYoung, impOld] of MEASURES) {
		let satisfaction = satYoung + (satOld - satYoung) * t;
		if (OUTLYING.has(district) && (row === 'public_transport' || row === 'medical_care')) {
			satisfaction -= 0.4;
		}
		const importance = impYoung + (impOld - impYoung) * t;
		ratings[row] = {
			satisfaction: scalePoint(satisfaction + mood.satisfaction + gaussian(rand) * 0.85),
			importance: scalePoint(importance + mood.importance + gaussian(rand) * 0.7)
		};
	}
	return ratings;
}

const COMMENTS_JA = [
	'バスの本数が少なく、車を運転できなくなった後の生活が心配です。',
	'秋吉台や秋芳洞はすばらしい財産なので、もっと全国に発信してほしい。',
	'若い人が働ける場所がないと、人口はますます減ると思います。企業誘致に力を入れてください。',
	'子どもが安心して遊べる公園や屋内の遊び場を増やしてほしいです。',
	'市内で出産できる病院がないのが不安です。',
	'空き家が増えています。移住を希望する人に貸し出せる仕組みを作ってはどうでしょうか。',
	'大雨のたびに川の水位が気になります。防災情報をもっとわかりやすく届けてください。',
	'市役所の手続きをスマートフォンでできるようにしてほしい。',
	'高齢者の見守りや買い物支援をお願いします。',
	'農業の担い手が不足しています。新規就農者への支援を充実させてほしい。',
	'観光客は増えても、市民の暮らしに効果が感じられません。',
	'このアンケートはネットで答えられて便利でした。結果もぜひ公表してください。',
	'美東・秋芳の支所の窓口は今のまま残してほしいです。',
	'道路の草刈りや側溝の整備が追いついていない地区があります。'
];
const COMMENTS_EN = [
	'Buses are too infrequent to get around without a car.',
	'Akiyoshidai is wonderful. Please make information for foreign residents and visitors easier to find.',
	'It would help to have more city information in English and other languages.',
	'I would like more support for people who move here to work.'
];

/**
 * One plausible questionnaire, answered the way this resident would answer it.
 * @param {Random} rand
 * @returns {DemoResponse}
 */
function demoResponse(rand) {
	const district = pick(rand, DISTRICT_WEIGHTS);
	const ageGroup = pick(rand, AGE_WEIGHTS);
	const t = AGE_WEIGHTS.findIndex(([key]) => key === ageGroup) / (AGE_WEIGHTS.length - 1);
	// The old answer on paper far more often; over the whole mix it comes to about 10 %.
	const source = rand() < 0.025 + 0.13 * t ? 'paper' : 'web';
	const language = source === 'web' && rand() < 0.02 ? 'en' : 'ja';
	// Paper questionnaires come back with more optional questions left blank.
	const skips = source === 'paper' ? 0.08 : 0.02;
	const answered = () => rand() >= skips;

	/** @type {Answers} */
	const answers = { district, age_group: ageGroup };
	if (answered()) answers.gender = pick(rand, GENDER_WEIGHTS);
	if (answered()) answers.years_lived = pick(rand, byAge(YEARS_YOUNG, YEARS_OLD, t));

	const settle = pick(rand, byAge(SETTLE_YOUNG, SETTLE_OLD, t));
	answers.settle_intent = settle;
	if ((settle === 'prefer_leave' || settle === 'leave') && answered()) {
		let reasons = byAge(LEAVE_REASONS_YOUNG, LEAVE_REASONS_OLD, t);
		if (OUTLYING.has(district)) {
			reasons = reasons.map(([k, w]) => [k, k === 'shopping' || k === 'transport' ? w * 1.5 : w]);
		}
		answers.leave_reasons = pickSome(rand, reasons, tickCount(rand));
	}
	if (answered()) {
		const points = pickSome(rand, byAge(GOOD_POINTS_YOUNG, GOOD_POINTS_OLD, t), tickCount(rand));
		// "Nothing in particular" excludes everything else.
		answers.good_points = points.includes('none') ? ['none'] : points;
	}

	answers.measures = rateMeasures(rand, t, district);

	if (answered()) {
		answers.priorities = pickSome(
			rand,
			byAge(PRIORITIES_YOUNG, PRIORITIES_OLD, t),
			tickCount(rand)
		);
	}
	// Those thinking of leaving have more to say.
	const commentRate = settle === 'prefer_leave' || settle === 'leave' ? 0.35 : 0.15;
	if (rand() < commentRate) {
		const pool = language === 'en' ? COMMENTS_EN : COMMENTS_JA;
		answers.free_comment = pool[Math.floor(rand() * pool.length)];
	}
	return { answers, language, source };
}

/**
 * The demo's synthetic responses; the same `seed` always gives the same list.
 * @param {number} count
 * @param {number} [seed]
 * @returns {DemoResponse[]}
 */
export function demoResponses(count, seed = 20261124) {
	const rand = mulberry32(seed);
	return Array.from({ length: count }, () => demoResponse(rand));
}

// ---------------------------------------------------------------------------
// Writing it

/**
 * @param {import('pg').ClientBase} client
 * @param {string} sql
 * @param {unknown[]} [params]
 * @returns {Promise<string>} the `id` of the first row
 */
async function insertReturningId(client, sql, params) {
	/** @type {import('pg').QueryResult<{ id: string }>} */
	const { rows } = await client.query(sql, params);
	return rows[0].id;
}

/** @param {import('pg').ClientBase} client */
async function insertOrganization(client) {
	const organizationId = await insertReturningId(
		client,
		'insert into public.organizations (slug, name) values ($1, $2) returning id',
		[demoOrganization.slug, demoOrganization.name]
	);
	await client.query(
		`insert into public.districts (org_id, code, name, sort)
		 select $1, d.code, d.name, d.sort
		 from jsonb_to_recordset($2::jsonb) as d(code text, name jsonb, sort integer)`,
		[organizationId, JSON.stringify(demoDistricts)]
	);
	await client.query(
		`insert into public.age_groups (org_id, code, name, min_age, max_age, sort)
		 select $1, g.code, g.name, g.min_age, g.max_age, g.sort
		 from jsonb_to_recordset($2::jsonb)
		   as g(code text, name jsonb, min_age integer, max_age integer, sort integer)`,
		[organizationId, JSON.stringify(demoAgeGroups)]
	);
	return organizationId;
}

/**
 * @param {import('pg').ClientBase} client
 * @param {string} organizationId
 * @param {{ slug: string, title: { ja: string, en: string } }} survey
 * @param {import('./demo-survey.js').Definition} definition
 */
async function insertPublishedSurvey(client, organizationId, survey, definition) {
	const surveyId = await insertReturningId(
		client,
		`insert into public.surveys (org_id, slug, title, status)
		 values ($1, $2, $3, 'open') returning id`,
		[organizationId, survey.slug, survey.title]
	);
	const versionId = await insertReturningId(
		client,
		`insert into public.survey_versions (survey_id, version, definition, published_at)
		 values ($1, 1, $2, now()) returning id`,
		[surveyId, JSON.stringify(definition)]
	);
	await client.query('update public.surveys set published_version_id = $2 where id = $1', [
		surveyId,
		versionId
	]);
	return { surveyId, versionId };
}

/**
 * @param {import('pg').ClientBase} client
 * @param {string} organizationId
 */
async function insertStaff(client, organizationId) {
	for (const account of demoAccounts) {
		/** @type {import('pg').QueryResult<{ id: string }>} */
		const { rows } = await client.query('select koe_auth.upsert_user($1, $2) as id', [
			account.email,
			account.password
		]);
		await client.query(
			'insert into public.memberships (org_id, user_id, role) values ($1, $2, $3)',
			[organizationId, rows[0].id, account.role]
		);
	}
}

/**
 * Goes through the same SQL that a real submission does, so answers and rollups
 * agree exactly as they would in production. Batched: one round trip per chunk
 * instead of one per response keeps large demo sets fast.
 * @param {import('pg').ClientBase} client
 * @param {{ surveyId: string, versionId: string }} survey
 * @param {DemoResponse[]} responses
 */
async function insertResponses(client, { surveyId, versionId }, responses) {
	const definition = JSON.stringify(demoDefinition);
	const chunkSize = 500;
	for (let start = 0; start < responses.length; start += chunkSize) {
		const chunk = responses.slice(start, start + chunkSize);
		await client.query(
			`select koe_private.record_response(gen_random_uuid(), $1, $2, $3::jsonb,
			   r.answers, r.language, r.source, true)
			 from jsonb_to_recordset($4::jsonb) as r(answers jsonb, language text, source text)`,
			[surveyId, versionId, definition, JSON.stringify(chunk)]
		);
	}
}

/**
 * Runs the seed in one transaction, unless `alreadySeeded` says why not to.
 * @param {string} ownerUrl
 * @param {SeedOptions} options
 * @param {(client: import('pg').ClientBase) => Promise<string | null>} alreadySeeded
 * @returns {Promise<SeedResult>}
 */
async function seedUnless(ownerUrl, options, alreadySeeded) {
	const log = options.log ?? (() => {});
	const count = options.responses ?? 300;
	const client = new pg.Client({ connectionString: ownerUrl });
	await client.connect();
	try {
		await client.query('begin');
		// Two processes starting on the same empty database must not both seed it;
		// the second waits here and then sees the first one's rows.
		await client.query("select pg_advisory_xact_lock(hashtext('koe-seed'))");
		const reason = await alreadySeeded(client);
		if (reason) {
			await client.query('rollback');
			log(reason);
			return { seeded: false };
		}
		const organizationId = await insertOrganization(client);
		const survey = await insertPublishedSurvey(client, organizationId, demoSurvey, demoDefinition);
		// A short survey with every question type, without responses.
		await insertPublishedSurvey(client, organizationId, typesSurvey, typesDefinition);
		await insertStaff(client, organizationId);
		await insertResponses(client, survey, demoResponses(count));
		await client.query(demoConsultationSql());
		await client.query('commit');
		log(`seeded the ${demoOrganization.name.en} demo with ${count} responses`);
		return { seeded: true, organizationId, ...survey, responses: count };
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		await client.end();
	}
}

/**
 * Seeds the demo organisation unless it is already there.
 * @param {string} ownerUrl a connection string for the database owner
 * @param {SeedOptions} [options]
 */
export async function seed(ownerUrl, options = {}) {
	return await seedUnless(ownerUrl, options, async (client) => {
		const { rowCount } = await client.query('select 1 from public.organizations where slug = $1', [
			demoOrganization.slug
		]);
		return rowCount ? 'already seeded' : null;
	});
}

/**
 * Seeds the demo only into a database with no organisation at all, so that a
 * deployment with real data never gets demo rows mixed in.
 * @param {string} ownerUrl a connection string for the database owner
 * @param {SeedOptions} [options]
 */
export async function seedDemoIfEmpty(ownerUrl, options = {}) {
	return await seedUnless(ownerUrl, options, async (client) => {
		const { rowCount } = await client.query('select 1 from public.organizations limit 1');
		return rowCount ? 'organizations exist; demo not seeded' : null;
	});
}

/**
 * Whether the demo organisation exists, so that start-up prints the demo
 * accounts only where they can sign in.
 * @param {string} ownerUrl a connection string for the database owner
 */
export async function demoIsPresent(ownerUrl) {
	const rows = await queryOnce(
		ownerUrl,
		`select 1 from public.organizations where slug = '${demoOrganization.slug}'`
	);
	return rows.length > 0;
}
