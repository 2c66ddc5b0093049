// Fuzz: malformed answer forms, generated with fast-check from a fixed seed.
// Each case is a valid form with at least one defect that makes it invalid
// (a missing or wrong answer, a value out of range, text too long, bytes that
// are not UTF-8, a broken form state …) plus harmless noise (unknown fields,
// script payloads, an answer to a hidden question). Every case must be refused
// with a 4xx page in Japanese that says what is wrong, and nothing stored.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import pg from 'pg';
import { encodeState, pool, postForm } from './form.js';
import { genders, leaveReasons, matrixRows, scale, settleOptions } from './survey.js';

const DEFAULT_SEED = 20261203;
export const fuzzSeed = () => Number(process.env.KOE_FUZZ_SEED ?? DEFAULT_SEED);

/** What the page of a refused form may say (ja catalogue): field messages or a clear page. */
const EXPLAINED = [
	'件の入力内容を確認してください', // the error summary above field messages
	'入力内容を読み取れませんでした', // a form state that cannot be read: start again
	'招待コードを入力してください', // the code page
	'この招待コードは見つかりませんでした',
	'お探しの調査は見つかりませんでした' // a version that is not this survey's
];

const SCRIPTS = [
	'<script>window.__pwned=1</script>',
	'"><img src=x onerror=alert(1)>',
	"'; drop table public.responses; --",
	'=HYPERLINK("http://evil.example")',
	'{{constructor.constructor("return process")()}}'
];

/** @typedef {{ a: Record<string, unknown>, [key: string]: unknown }} State */
/** @typedef {{ fields: [string, string | Buffer][], state: State | string | null, page: string, coded: boolean, contentType?: string }} Form */
/** @typedef {{ defect: string, apply: (form: Form) => Form }} Mutation */

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...SCRIPTS));
const notIn = (/** @type {string[]} */ keys) =>
	// blank is no answer at all: not a defect for an optional question
	fc.oneof(text, fc.constantFrom(...SCRIPTS)).filter((s) => s.trim() !== '' && !keys.includes(s));

/** The second page's fields and the first page's answers (in the form state). */
const validForm = fc
	.record({
		settle: fc.constantFrom(...settleOptions),
		gender: fc.option(fc.constantFrom(...genders), { nil: undefined }),
		reasons: fc.uniqueArray(fc.constantFrom(...leaveReasons), { minLength: 1, maxLength: 2 }),
		cells: fc.array(fc.constantFrom(...scale), { minLength: 8, maxLength: 8 }),
		rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
		years: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
		comment: fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom(...SCRIPTS))
	})
	.map((r) => {
		/** @type {[string, string][]} */
		const fields = [];
		/** @type {Record<string, string>} */
		const answers = { settle: r.settle };
		if (r.gender) answers.gender = r.gender;
		if (r.settle === 'leave')
			for (const reason of r.reasons) fields.push(['leave_reasons', reason]);
		matrixRows.forEach((row, i) => {
			fields.push(
				[`services.${row}.sat`, r.cells[i * 2]],
				[`services.${row}.imp`, r.cells[i * 2 + 1]]
			);
		});
		if (r.rating !== undefined) fields.push(['rating', String(r.rating)]);
		if (r.years !== undefined) fields.push(['years', String(r.years)]);
		fields.push(['comment', r.comment.trim() === '' ? 'x' : r.comment]);
		return { answers, fields };
	});

/**
 * Changes the form state, when it is still readable (another defect may have broken it).
 * @param {Form} form @param {(state: State) => State} change
 */
function withState(form, change) {
	return form.state && typeof form.state === 'object'
		? { ...form, state: change(form.state) }
		: form;
}

/** A first-page answer in the form state. @param {Form} form @param {string} name @param {string | null} value */
function setAnswer(form, name, value) {
	return withState(form, (state) => {
		const a = { ...state.a };
		if (value === null) delete a[name];
		else a[name] = value;
		return { ...state, a };
	});
}

/** @param {Form} form @param {string} name @param {string} value @returns {Form} */
const addField = (form, name, value) => ({ ...form, fields: [...form.fields, [name, value]] });

/** @param {Form} form @param {string} name @param {string | Buffer | null} value */
function setField(form, name, value) {
	const fields = form.fields.filter(([n]) => n !== name);
	if (value !== null) fields.push([name, value]);
	return { ...form, fields };
}

const cellNames = matrixRows.flatMap((row) => [`services.${row}.sat`, `services.${row}.imp`]);

/** Defects: each one alone makes the form invalid. @type {fc.Arbitrary<Mutation>} */
const defect = fc.oneof(
	fc.constantFrom('comment', ...cellNames).map((name) => ({
		defect: `missing ${name}`,
		apply: (/** @type {Form} */ f) => setField(f, name, null)
	})),
	fc.constant({
		defect: 'missing settle (first page)',
		apply: (/** @type {Form} */ f) => setAnswer(f, 'settle', null)
	}),
	fc
		.tuple(fc.constantFrom('settle', 'gender'), notIn([...settleOptions, ...genders]))
		.map(([name, v]) => ({
			defect: `${name} not an option (first page)`,
			apply: (/** @type {Form} */ f) => setAnswer(f, name, v)
		})),
	fc.tuple(fc.constantFrom(...cellNames), notIn(scale)).map(([name, v]) => ({
		defect: 'matrix cell off the scale',
		apply: (/** @type {Form} */ f) => setField(f, name, v)
	})),
	fc
		.oneof(
			fc.constantFrom('abc', '-1', '121', '1e400', '3.5', '１２１', 'NaN', 'Infinity', '0x10'),
			fc.integer({ min: 121 }).map(String),
			fc.integer({ max: -1 }).map(String)
		)
		.map((v) => ({
			defect: 'years wrong',
			apply: (/** @type {Form} */ f) => setField(f, 'years', v)
		})),
	fc.constantFrom('0', '6', '2.5', 'x', '-3', '<b>5</b>').map((v) => ({
		defect: 'rating out of range',
		apply: (/** @type {Form} */ f) => setField(f, 'rating', v)
	})),
	fc.uniqueArray(fc.constantFrom(...leaveReasons), { minLength: 3, maxLength: 4 }).map((rs) => ({
		defect: 'too many reasons',
		apply: (/** @type {Form} */ f) => {
			const form = setField(setAnswer(f, 'settle', 'leave'), 'leave_reasons', null);
			return {
				...form,
				fields: [
					...form.fields,
					...rs.map((r) => /** @type {[string, string]} */ (['leave_reasons', r]))
				]
			};
		}
	})),
	fc.integer({ min: 1001, max: 300_000 }).map((n) => ({
		defect: `comment of ${n} characters`,
		apply: (/** @type {Form} */ f) =>
			setField(f, 'comment', 'あ<'.repeat(Math.ceil(n / 2)).slice(0, n))
	})),
	fc
		.constantFrom(
			[0xff],
			[0xc3],
			[0xc0, 0xaf],
			[0xed, 0xa0, 0x80],
			[0xf8, 0x88, 0x80, 0x80, 0x80],
			[0x73, 0xff, 0x74]
		)
		.chain((bytes) =>
			fc.constantFrom('rating', ...cellNames).map((name) => ({
				defect: `${name} not UTF-8`,
				apply: (/** @type {Form} */ f) => setField(f, name, Buffer.from(bytes))
			}))
		),
	fc
		.oneof(
			fc.constant(null),
			fc.string({ maxLength: 50 }),
			fc.constant(Buffer.from('not json').toString('base64url')),
			fc.constant(encodeState(/** @type {any} */ ({ k: 'not-a-uuid', v: randomUUID(), a: {} })))
		)
		.map((state) => ({
			defect: 'form state broken',
			apply: (/** @type {Form} */ f) => ({ ...f, state: state })
		})),
	fc.constant({
		defect: 'form state of another version',
		apply: (/** @type {Form} */ f) => withState(f, (state) => ({ ...state, v: randomUUID() }))
	}),
	fc.constantFrom('7', '-1', 'abc', '', '1.5', '1e3').map((page) => ({
		defect: `page ${JSON.stringify(page)}`,
		apply: (/** @type {Form} */ f) => ({ ...f, page })
	})),
	// what a broken upload or another form encoding sends
	fc
		.constantFrom('multipart/form-data; boundary=xyz', 'multipart/form-data', 'text/plain')
		.map((contentType) => ({
			defect: `body sent as ${contentType}`,
			apply: (/** @type {Form} */ f) => ({ ...f, contentType })
		})),
	fc.constantFrom('none', 'unknown').map((kind) => ({
		defect: `invitation code ${kind}`,
		apply: (/** @type {Form} */ f) =>
			withState({ ...f, coded: true }, (state) => {
				const changed = { ...state };
				// none, or a code of the right form that no letter carries
				if (kind === 'none') delete changed.c;
				else changed.c = '222222222222';
				return changed;
			})
	}))
);

/** Noise: harmless on its own. @type {fc.Arbitrary<Mutation>} */
const noise = fc.oneof(
	fc.tuple(fc.string({ maxLength: 30 }), text).map(([name, value]) => ({
		defect: 'unknown field',
		apply: (/** @type {Form} */ f) => addField(f, `x_${name}`, value)
	})),
	fc.constantFrom(...leaveReasons).map((r) => ({
		defect: 'answer to a hidden question',
		apply: (/** @type {Form} */ f) => addField(f, 'leave_reasons', r)
	})),
	// Questions the questionnaire does not have are dropped like unknown fields: a
	// draft resumed from an older version may carry them (resume.ts).
	fc.string({ minLength: 1, maxLength: 20 }).map((key) => ({
		defect: 'form state answers an unknown question',
		apply: (/** @type {Form} */ f) =>
			withState(f, (state) => ({ ...state, a: { ...state.a, [`zz_${key}`]: 'stay' } }))
	})),
	fc.constantFrom(...SCRIPTS).map((s) => ({
		defect: 'script in a field',
		apply: (/** @type {Form} */ f) => addField(f, 'gender', s)
	}))
);

const TOO_LARGE_JA = '送信された内容が大きすぎるため';

/**
 * A 7 MB form, sent with a length or in chunks (no length).
 * @param {string} baseUrl @param {string} slug @param {boolean} chunked
 */
async function oversize(baseUrl, slug, chunked) {
	const piece = Buffer.alloc(100_000, 0x61);
	const parts = [Buffer.from('page=1&comment='), ...Array.from({ length: 70 }, () => piece)];
	// Node's stream types and the DOM's RequestInit do not meet; Node's fetch takes both.
	const init = /** @type {RequestInit} */ (
		/** @type {unknown} */ ({
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: baseUrl,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: chunked ? Readable.toWeb(Readable.from(parts)) : Buffer.concat(parts),
			duplex: 'half' // a streamed body
		})
	);
	const response = await fetch(`${baseUrl}/s/${slug}`, init);
	return { status: response.status, body: await response.text() };
}

/** @param {Buffer | string} value */
const encode = (value) =>
	Buffer.isBuffer(value) ? value : Buffer.from(encodeURIComponent(value).replace(/%20/g, '+'));

/** @param {Form} form */
function body(form) {
	/** @type {[string, string | Buffer][]} */
	const fields = [['page', form.page], ...form.fields, ['nav', 'submit']];
	if (form.state !== null) {
		fields.unshift([
			'state',
			typeof form.state === 'string' ? form.state : encodeState(/** @type {any} */ (form.state))
		]);
	}
	return Buffer.concat(
		fields.flatMap(([name, value], i) => [
			Buffer.from(i ? '&' : ''),
			encode(name),
			Buffer.from('='),
			encode(value)
		])
	);
}

/**
 * @param {{ baseUrl: string, ownerUrl: string, surveys: import('./setup.js').TestSurvey[], runs: number, log: (line: string) => void }} options
 */
export async function fuzz({ baseUrl, ownerUrl, surveys, runs, log }) {
	const [open, coded] = surveys;
	const seed = fuzzSeed();
	const cases = fc.sample(
		fc.record({
			form: validForm,
			defects: fc.array(defect, { minLength: 1, maxLength: 2 }),
			noise: fc.array(noise, { maxLength: 2 })
		}),
		{ seed, numRuns: runs }
	);
	const count = async () => {
		const client = new pg.Client({ connectionString: ownerUrl });
		await client.connect();
		/** @type {pg.QueryResult<{ n: number }>} */
		const { rows } = await client.query(
			'select count(*)::int n from public.responses where survey_id = any ($1)',
			[surveys.map((s) => s.id)]
		);
		await client.end();
		return Number(rows[0].n);
	};
	const before = await count();
	/** @type {string[]} */
	const found = [];
	/** @type {Record<number, number>} */
	const statuses = {};
	const started = Date.now();
	await pool(cases.length, 8, async (i) => {
		const c = cases[i];
		/** @type {Form} */
		let form = {
			fields: c.form.fields,
			state: { k: randomUUID(), v: open.versionId, a: c.form.answers },
			page: '1',
			coded: false
		};
		for (const m of [...c.noise, ...c.defects]) form = m.apply(form);
		const survey = form.coded ? coded : open;
		if (
			form.coded &&
			form.state &&
			typeof form.state === 'object' &&
			form.state.v === open.versionId
		) {
			form.state = { ...form.state, v: coded.versionId };
		}
		const what = [...c.defects, ...c.noise].map((m) => m.defect).join(', ');
		const reply = await postForm(baseUrl, survey.slug, body(form), {
			contentType: form.contentType
		});
		statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
		const problem =
			reply.status >= 500
				? 'a server error'
				: reply.status < 400
					? 'not refused'
					: !/<html lang="ja"/.test(reply.body)
						? 'a page not in Japanese'
						: !EXPLAINED.some((s) => reply.body.includes(s))
							? 'a page that does not say what is wrong'
							: null;
		if (problem && found.length < 20)
			found.push(`case ${i} (${what}): HTTP ${reply.status}, ${problem}`);
	});
	// Beyond BODY_SIZE_LIMIT (6 MB under `npm start`), with and without a length.
	for (const chunked of [false, true]) {
		const reply = await oversize(baseUrl, open.slug, chunked);
		statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
		if (reply.status !== 413 || !reply.body.includes(TOO_LARGE_JA)) {
			found.push(
				`a ${chunked ? 'chunked ' : ''}7 MB form: HTTP ${reply.status}, not 413 saying so`
			);
		}
	}
	const stored = (await count()) - before;
	if (stored) found.push(`${stored} malformed submissions were stored`);
	const seconds = (Date.now() - started) / 1000;
	log(
		`  ${cases.length} malformed forms in ${seconds.toFixed(1)} s: ` +
			Object.entries(statuses)
				.map(([s, n]) => `${n} × ${s}`)
				.join(', ') +
			`; ${stored} stored`
	);
	return { found, seconds, statuses, stored };
}
