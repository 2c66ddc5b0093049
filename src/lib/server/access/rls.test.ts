/**
 * The access matrix, built from the database catalogue: every table in the exposed
 * schema × {anon, each role in the organisation, each role looking at another
 * organisation} × {select, insert, update, delete} has an asserted expectation.
 * A table added without expectations fails here.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import { createSqlBackend } from '../backend/sql';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';

type Actor = 'anon' | 'admin' | 'editor' | 'analyst' | 'data_entry';
type Operation = 'select' | 'insert' | 'update' | 'delete';
/** none: refused everywhere; own: only on the actor's organisation's rows; both: on any */
type Reach = 'none' | 'own' | 'both';
type Expectation = Record<Operation, Partial<Record<Actor, Reach>>>;

const ACTORS: Actor[] = ['anon', 'admin', 'editor', 'analyst', 'data_entry'];
const everyone = {
	anon: 'both',
	admin: 'both',
	editor: 'both',
	analyst: 'both',
	data_entry: 'both'
} as const;
const staff = { admin: 'own', editor: 'own', analyst: 'own', data_entry: 'own' } as const;
const builders = { admin: 'own', editor: 'own' } as const;
const nothing = {};
const readOnlyBuilders = { select: builders, insert: nothing, update: nothing, delete: nothing };

/** Unlisted actors expect 'none'. */
const expectations: Record<string, Expectation> = {
	organizations: { select: everyone, insert: nothing, update: { admin: 'own' }, delete: nothing },
	memberships: {
		select: staff,
		insert: nothing,
		update: { admin: 'own' },
		delete: { admin: 'own' }
	},
	districts: { select: everyone, insert: builders, update: builders, delete: builders },
	age_groups: { select: everyone, insert: builders, update: builders, delete: builders },
	surveys: { select: everyone, insert: builders, update: builders, delete: builders },
	survey_versions: { select: everyone, insert: builders, update: builders, delete: builders },
	responses: { select: { admin: 'own' }, insert: nothing, update: nothing, delete: nothing },
	answers: { select: { admin: 'own' }, insert: nothing, update: nothing, delete: nothing },
	rollup_counts: {
		select: { admin: 'own', editor: 'own', analyst: 'own' },
		insert: nothing,
		update: nothing,
		delete: nothing
	},
	rollup_responses: {
		select: { admin: 'own', editor: 'own', analyst: 'own' },
		insert: nothing,
		update: nothing,
		delete: nothing
	},
	invitations: {
		select: { admin: 'own' },
		insert: nothing,
		update: nothing,
		delete: { admin: 'own' }
	},
	audit_log: { select: { admin: 'own' }, insert: nothing, update: nothing, delete: nothing },
	population: {
		select: { admin: 'own', editor: 'own', analyst: 'own' },
		insert: builders,
		update: builders,
		delete: builders
	},
	rollup_numbers: {
		select: { admin: 'own', editor: 'own', analyst: 'own' },
		insert: nothing,
		update: nothing,
		delete: nothing
	},
	rollup_breakdowns: {
		select: { admin: 'own', editor: 'own', analyst: 'own' },
		insert: nothing,
		update: nothing,
		delete: nothing
	},
	// Codes are made by sample_import and used by the submit functions only.
	invitation_codes: {
		select: { admin: 'own', editor: 'own', analyst: 'own' },
		insert: nothing,
		update: nothing,
		delete: nothing
	},
	// Names and addresses: editors may read and delete them (after mailing), nobody else.
	sample_letters: { select: builders, insert: nothing, update: nothing, delete: builders },
	survey_mailings: { select: builders, insert: nothing, update: nothing, delete: nothing },
	paper_entries: {
		select: { admin: 'own', editor: 'own', data_entry: 'own' },
		insert: nothing,
		update: nothing,
		delete: nothing
	},
	// Public comment: editors read; every write goes through SQL functions that
	// check the role and log it; the public reads through functions only.
	consultations: readOnlyBuilders,
	consultation_sections: readOnlyBuilders,
	consultation_groups: readOnlyBuilders,
	consultation_comments: readOnlyBuilders,
	plans: readOnlyBuilders,
	plan_milestones: readOnlyBuilders
};

interface Scope {
	org: string;
	survey: string;
	version: string;
	draft: string;
	response: string;
	user: string;
	consultation: string;
	plan: string;
}

/** How each table's rows belong to an organisation, and how to try each operation. */
const tables: Record<
	string,
	{
		org: string;
		/** which of the scope's rows to update or delete */
		pick?: string;
		/** the column that names a row (ctid needs table-wide read rights) */
		key?: string;
		update: string;
		insert: (s: Scope) => [string, unknown[]];
	}
> = {
	organizations: {
		org: 'id',
		update: 'name = name',
		insert: () => [
			`insert into public.organizations (slug, name) values ('zz-new', '{"ja":"x"}')`,
			[]
		]
	},
	memberships: {
		org: 'org_id',
		pick: "role <> 'admin'",
		update: 'raw_data = raw_data',
		insert: (s) => [
			`insert into public.memberships (org_id, user_id, role) values ($1, $2, 'analyst')`,
			[s.org, s.user]
		]
	},
	districts: {
		org: 'org_id',
		update: 'name = name',
		insert: (s) => [
			`insert into public.districts (org_id, code, name) values ($1, 'zz_new', '{"ja":"x"}')`,
			[s.org]
		]
	},
	age_groups: {
		org: 'org_id',
		update: 'name = name',
		insert: (s) => [
			`insert into public.age_groups (org_id, code, name, min_age) values ($1, 'zz_new', '{"ja":"x"}', 1)`,
			[s.org]
		]
	},
	surveys: {
		org: 'org_id',
		update: 'title = title',
		insert: (s) => [
			`insert into public.surveys (org_id, slug, title) values ($1, $2, '{"ja":"x"}')`,
			[s.org, `zz-${randomUUID().slice(0, 8)}`]
		]
	},
	survey_versions: {
		org: 'public.survey_org(survey_id)',
		pick: 'published_at is null',
		update: 'definition = definition',
		insert: (s) => [
			`insert into public.survey_versions (survey_id, version, definition) values ($1, 99, '{}')`,
			[s.survey]
		]
	},
	responses: {
		org: 'public.survey_org(survey_id)',
		update: 'language = language',
		insert: (s) => [
			`insert into public.responses (survey_id, version_id) values ($1, $2)`,
			[s.survey, s.version]
		]
	},
	answers: {
		org: 'public.survey_org(survey_id)',
		update: 'choice = choice',
		insert: (s) => [
			`insert into public.answers (response_id, survey_id, question_key, choice) values ($1, $2, 'x', 'y')`,
			[s.response, s.survey]
		]
	},
	rollup_counts: {
		org: 'public.survey_org(survey_id)',
		update: 'n = n',
		insert: (s) => [
			`insert into public.rollup_counts values ($1, 'zz', '', 'x', '', '', 0, 1)`,
			[s.survey]
		]
	},
	rollup_responses: {
		org: 'public.survey_org(survey_id)',
		update: 'n = n',
		insert: (s) => [`insert into public.rollup_responses values ($1, 'zz', 'zz', 0, 1)`, [s.survey]]
	},
	invitations: {
		org: 'org_id',
		key: 'id',
		update: 'email = email',
		insert: (s) => [
			`insert into public.invitations (org_id, email, role, token_hash) values ($1, 'x@example.jp', 'analyst', '\\x00')`,
			[s.org]
		]
	},
	audit_log: {
		org: 'org_id',
		update: 'entity = entity',
		insert: (s) => [
			`insert into public.audit_log (org_id, action, entity) values ($1, 'insert', 'x')`,
			[s.org]
		]
	},
	population: {
		org: 'org_id',
		update: 'population = population',
		// the organisation's one cell is taken: an upsert needs insert (and update) rights
		insert: (s) => [
			`insert into public.population values ($1, 'north', 'old', 7)
			 on conflict (org_id, district, age_group) do update set population = excluded.population`,
			[s.org]
		]
	},
	rollup_numbers: {
		org: 'public.survey_org(survey_id)',
		update: 'n = n',
		insert: (s) => [
			`insert into public.rollup_numbers values ($1, 'zz', 1, '', '', 0, 1)`,
			[s.survey]
		]
	},
	rollup_breakdowns: {
		org: 'public.survey_org(survey_id)',
		update: 'n = n',
		insert: (s) => [
			`insert into public.rollup_breakdowns
			 values ($1, '', 'zz', '', 'x', '', '', '', 'web', current_date, 0, 1)`,
			[s.survey]
		]
	},
	invitation_codes: {
		org: 'public.survey_org(survey_id)',
		key: 'survey_id',
		update: "used_via = 'web'",
		insert: (s) => [
			`insert into public.invitation_codes values (sha256('zz'), $1, 'north', 'old', null)`,
			[s.survey]
		]
	},
	sample_letters: {
		org: 'public.survey_org(survey_id)',
		key: 'survey_id',
		update: 'name = name',
		insert: (s) => [
			`insert into public.sample_letters (survey_id, letter_no, district, age_group) values ($1, 99, 'north', 'old')`,
			[s.survey]
		]
	},
	survey_mailings: {
		org: 'public.survey_org(survey_id)',
		key: 'survey_id',
		update: 'sender = sender',
		insert: (s) => [`insert into public.survey_mailings (survey_id) values ($1)`, [s.survey]]
	},
	paper_entries: {
		org: 'public.survey_org(survey_id)',
		key: 'id',
		update: 'answers = answers',
		insert: (s) => [
			`insert into public.paper_entries (survey_id, sheet, sheet_label, has_code, version_id, answers, fields, entered_by, keying)
			 values ($1, sha256('zz'), '1', false, $2, '{}', '{}', $3, 1)`,
			[s.survey, s.version, s.user]
		]
	},
	consultations: {
		org: 'org_id',
		key: 'id',
		update: 'title = title',
		insert: (s) => [
			`insert into public.consultations (org_id, slug, title, opens_on, closes_on)
			 values ($1, 'zz-new', 'x', current_date, current_date)`,
			[s.org]
		]
	},
	consultation_sections: {
		org: 'public.consultation_org(consultation_id)',
		key: 'id',
		update: 'heading = heading',
		insert: (s) => [
			`insert into public.consultation_sections (consultation_id, position, heading) values ($1, 99, 'x')`,
			[s.consultation]
		]
	},
	consultation_groups: {
		org: 'public.consultation_org(consultation_id)',
		key: 'id',
		update: 'summary = summary',
		insert: (s) => [
			`insert into public.consultation_groups (consultation_id, summary) values ($1, 'x')`,
			[s.consultation]
		]
	},
	consultation_comments: {
		org: 'public.consultation_org(consultation_id)',
		key: 'id',
		update: 'summary = summary',
		insert: (s) => [
			`insert into public.consultation_comments (consultation_id, no, channel, body, consent, received_on)
			 values ($1, 99, 'web', 'x', true, current_date)`,
			[s.consultation]
		]
	},
	plans: {
		org: 'org_id',
		key: 'id',
		update: 'title = title',
		insert: (s) => [
			`insert into public.plans (org_id, slug, title) values ($1, 'zz-new-plan', 'x')`,
			[s.org]
		]
	},
	plan_milestones: {
		org: 'public.plan_org(plan_id)',
		key: 'id',
		update: 'title = title',
		insert: (s) => [
			`insert into public.plan_milestones (plan_id, position, kind, title) values ($1, 99, 'other', 'x')`,
			[s.plan]
		]
	}
};

let db: TestDatabase;
const scopes: Record<'own' | 'other', Scope> = {} as never;
const claims: Partial<Record<Actor, Claims>> = {};

async function arrangeOrganization(slug: string, withStaff: boolean): Promise<Scope> {
	const org = await createOrganization(db.owner, slug);
	await db.owner.query(
		`insert into public.districts (org_id, code, name) values ($1, 'north', '{"ja":"北"}')`,
		[org]
	);
	await db.owner.query(
		`insert into public.age_groups (org_id, code, name, min_age) values ($1, 'old', '{"ja":"高"}', 60)`,
		[org]
	);
	const { surveyId, versionId } = await createSurvey(
		db.owner,
		org,
		`${slug}-survey`,
		sampleDefinition
	);
	const draft = await db.owner.query<{ id: string }>(
		`insert into public.survey_versions (survey_id, version, definition) values ($1, 2, $2) returning id`,
		[surveyId, sampleDefinition]
	);
	const admin = await createStaff(db.owner, org, `admin@${slug}.example`, 'admin');
	if (withStaff) {
		claims.admin = admin;
		for (const role of ['editor', 'analyst', 'data_entry'] as const) {
			claims[role] = await createStaff(db.owner, org, `${role}@${slug}.example`, role);
		}
	} else {
		await createStaff(db.owner, org, `analyst@${slug}.example`, 'analyst');
	}
	await db.owner.query(`insert into public.population values ($1, 'north', 'old', 100)`, [org]);
	await db.owner.query(
		`insert into public.rollup_numbers values ($1, 'years', 3, 'north', 'old', 0, 1)`,
		[surveyId]
	);
	await db.owner.query(
		`insert into public.invitations (org_id, email, role, token_hash) values ($1, 'new@example.jp', 'editor', $2)`,
		[org, Buffer.from(randomUUID())]
	);
	const submitted = await createSqlBackend(db.app, null).responses.submit({
		surveyId,
		versionId,
		idempotencyKey: randomUUID(),
		language: 'ja',
		answers: {
			district: 'north',
			age: 'old',
			stay: 'yes',
			grid: {
				care: { satisfaction: '1', importance: '2' },
				roads: { satisfaction: '3', importance: '3' }
			}
		}
	});
	if (!submitted.ok) throw new Error('fixture response refused');
	await db.owner.query(
		`insert into public.invitation_codes values (sha256(convert_to($1, 'UTF8')), $2, 'north', 'old', null)`,
		[surveyId, surveyId]
	);
	await db.owner.query(
		`insert into public.sample_letters values ($1, 1, 'north', 'old', '山田', '100-0001', '千代田1')`,
		[surveyId]
	);
	await db.owner.query(`insert into public.survey_mailings (survey_id) values ($1)`, [surveyId]);
	await db.owner.query(
		`insert into public.paper_entries (survey_id, sheet, sheet_label, has_code, version_id, answers, fields, entered_by, keying)
		 values ($1::uuid, sha256(convert_to($1::text, 'UTF8')), '7', false, $2, '{}', '{}', $3, 1)`,
		[surveyId, versionId, admin.sub]
	);
	const user = await db.owner.query<{ id: string }>(
		`select koe_auth.upsert_user($1, 'correct horse battery') as id`,
		[`newcomer@${slug}.example`]
	);
	const consultation = await db.owner.query<{ id: string }>(
		`insert into public.consultations (org_id, slug, title, opens_on, closes_on)
		 values ($1, $2, '案', current_date, current_date + 30) returning id`,
		[org, `${slug}-draft`]
	);
	const consultationId = consultation.rows[0].id;
	await db.owner.query(
		`insert into public.consultation_sections (consultation_id, position, heading) values ($1, 1, '総論')`,
		[consultationId]
	);
	await db.owner.query(
		`insert into public.consultation_groups (consultation_id, summary) values ($1, '概要')`,
		[consultationId]
	);
	await db.owner.query(
		`insert into public.consultation_comments (consultation_id, no, channel, body, name, consent, received_on)
		 values ($1, 1, 'paper', '意見', '美祢 花子', true, current_date)`,
		[consultationId]
	);
	const plan = await db.owner.query<{ id: string }>(
		`insert into public.plans (org_id, slug, title) values ($1, $2, '計画') returning id`,
		[org, `${slug}-plan`]
	);
	await db.owner.query(
		`insert into public.plan_milestones (plan_id, position, kind, title) values ($1, 1, 'survey', '調査')`,
		[plan.rows[0].id]
	);
	return {
		org,
		consultation: consultationId,
		plan: plan.rows[0].id,
		survey: surveyId,
		version: versionId,
		draft: draft.rows[0].id,
		response: submitted.responseId,
		user: user.rows[0].id
	};
}

beforeAll(async () => {
	db = await createTestDatabase();
	scopes.own = await arrangeOrganization('own-city', true);
	scopes.other = await arrangeOrganization('other-city', false);
});
afterAll(() => db.drop());

/** Runs one attempt as the actor, inside a transaction that is always rolled back. */
async function attempt(
	actor: Actor,
	sql: string,
	params: unknown[] = []
): Promise<number | 'refused'> {
	const client: pg.PoolClient = await db.app.connect();
	try {
		await client.query('begin');
		await client.query(actor === 'anon' ? 'set local role anon' : 'set local role authenticated');
		await client.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify(actor === 'anon' ? { role: 'anon' } : claims[actor])
		]);
		const result = await client.query(sql, params);
		return result.rowCount ?? 0;
	} catch {
		return 'refused';
	} finally {
		await client.query('rollback');
		client.release();
	}
}

async function allowed(actor: Actor, table: string, op: Operation, scope: Scope): Promise<boolean> {
	const t = tables[table];
	const inScope = `${t.org} = '${scope.org}'`;
	const key = t.key ?? 'ctid';
	const target = `${key} = (select ${key} from public.${table} where ${inScope}${t.pick ? ` and ${t.pick}` : ''} limit 1)`;
	let outcome: number | 'refused';
	if (op === 'select') {
		outcome = await attempt(actor, `select 1 from public.${table} where ${inScope}`);
	} else if (op === 'insert') {
		const [sql, params] = t.insert(scope);
		outcome = await attempt(actor, sql, params);
	} else if (op === 'update') {
		outcome = await attempt(actor, `update public.${table} set ${t.update} where ${target}`);
	} else {
		outcome = await attempt(actor, `delete from public.${table} where ${target}`);
	}
	return outcome !== 'refused' && outcome > 0;
}

describe('row-level security matrix', () => {
	it('has expectations for every table in the exposed schema, and RLS on each', async () => {
		const { rows } = await db.owner.query<{ relname: string; relrowsecurity: boolean }>(
			`select c.relname, c.relrowsecurity from pg_class c
			 join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') order by 1`
		);
		expect(rows.map((r) => r.relname).sort()).toEqual(Object.keys(expectations).sort());
		expect(rows.filter((r) => !r.relrowsecurity)).toEqual([]);
	});

	for (const table of Object.keys(expectations)) {
		it(`${table}: every actor × operation × organisation as expected`, async () => {
			const seen: string[] = [];
			const wanted: string[] = [];
			for (const op of ['select', 'insert', 'update', 'delete'] as Operation[]) {
				for (const actor of ACTORS) {
					const reach = expectations[table][op][actor] ?? 'none';
					for (const where of ['own', 'other'] as const) {
						const label = `${op} ${actor} ${where}`;
						if (await allowed(actor, table, op, scopes[where])) seen.push(label);
						if (reach === 'both' || (reach === 'own' && where === 'own')) wanted.push(label);
					}
				}
			}
			expect(seen).toEqual(wanted);
		});
	}
});
