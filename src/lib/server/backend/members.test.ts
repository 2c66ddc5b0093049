import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let org: string;
let admin: Claims;
let analyst: Claims;
let surveyId: string;

const as = (claims: Claims | null) => createSqlBackend(db.app, claims);

beforeAll(async () => {
	db = await createTestDatabase();
	org = await createOrganization(db.owner, 'members-city');
	admin = await createStaff(db.owner, org, 'admin@members.example', 'admin');
	analyst = await createStaff(db.owner, org, 'analyst@members.example', 'analyst');
	const survey = await createSurvey(db.owner, org, 'members-survey', sampleDefinition);
	surveyId = survey.surveyId;
	for (const district of ['north', 'south']) {
		const result = await as(null).responses.submit({
			surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			language: 'ja',
			answers: {
				district,
				age: 'old',
				stay: 'yes',
				grid: {
					care: { satisfaction: '1', importance: '2' },
					roads: { satisfaction: '3', importance: '3' }
				}
			}
		});
		expect(result.ok).toBe(true);
	}
});
afterAll(() => db.drop());

describe('organisation settings', () => {
	it('lets admins change k within 3–10, audited, and nobody else', async () => {
		expect(await as(admin).organization.settings(org)).toMatchObject({ minCellSize: 5 });
		expect(await as(analyst).organization.settings(org)).toBeNull();
		expect(await as(admin).organization.setMinCellSize(org, 11)).toBe('out_of_range');
		expect(await as(admin).organization.setMinCellSize(org, 2)).toBe('out_of_range');
		expect(await as(analyst).organization.setMinCellSize(org, 3)).toBe('forbidden');
		expect(await as(admin).organization.setMinCellSize(org, 7)).toBeNull();
		expect(await as(admin).organization.settings(org)).toMatchObject({ minCellSize: 7 });
		const [entry] = await as(admin).audit.list(org, { entity: 'organizations' });
		expect(entry).toMatchObject({ action: 'update', actorEmail: 'admin@members.example' });
		expect(await as(admin).organization.setMinCellSize(org, 5)).toBeNull();
	});
});

describe('members', () => {
	it('lists members with their email for admins, and refuses others', async () => {
		const members = await as(admin).members.list(org);
		expect(members.map((m) => [m.email, m.role])).toEqual([
			['admin@members.example', 'admin'],
			['analyst@members.example', 'analyst']
		]);
		expect(await as(analyst).members.list(org)).toEqual([]);
	});

	it('invites with a one-time token whose hash alone is stored', async () => {
		const token = await as(admin).members.invite(org, 'New.Person@Example.jp ', 'editor');
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(await as(null).members.peekInvitation(token)).toMatchObject({
			email: 'new.person@example.jp',
			role: 'editor'
		});
		const stored = await db.owner.query<{ token_hash: Buffer }>(
			'select token_hash from public.invitations where email = $1',
			['new.person@example.jp']
		);
		expect(stored.rows[0].token_hash.toString('hex')).not.toContain(token);
		await expect(as(analyst).members.invite(org, 'x@example.jp', 'admin')).rejects.toThrow(
			/only admins/
		);
	});

	it('accepts an invitation once, for a signed-in user', async () => {
		const token = await as(admin).members.invite(org, 'joiner@example.jp', 'analyst');
		const joiner = await createStaff(
			db.owner,
			await createOrganization(db.owner, 'elsewhere'),
			'joiner@example.jp'
		);
		const client = await db.app.connect();
		try {
			await client.query('begin; set local role authenticated');
			await client.query("select set_config('request.jwt.claims', $1, true)", [
				JSON.stringify(joiner)
			]);
			await client.query('select public.invitation_accept($1)', [token]);
			await client.query('commit');
		} finally {
			client.release();
		}
		expect((await as(joiner).staff.memberships()).map((m) => m.orgSlug).sort()).toEqual([
			'elsewhere',
			'members-city'
		]);
		expect(await as(null).members.peekInvitation(token)).toBeNull();
	});

	it('lets a new invitee set a password that follows the rules, once', async () => {
		const token = await as(admin).members.invite(org, 'fresh@example.jp', 'analyst');
		expect(await as(null).auth.acceptInvitation(token, 'short')).toBe('too_short');
		expect(await as(null).auth.acceptInvitation(token, 'a sturdy passphrase 42')).toBeNull();
		expect(await as(null).auth.signIn('fresh@example.jp', 'a sturdy passphrase 42')).toMatch(
			/^[0-9a-f]{64}$/
		);
		expect(await as(null).auth.acceptInvitation(token, 'a sturdy passphrase 42')).toBe(
			'invitation_invalid'
		);
	});

	it('asks an existing user for their own password', async () => {
		const token = await as(admin).members.invite(org, 'analyst@members.example', 'editor');
		expect(await as(null).auth.acceptInvitation(token, 'not their password!')).toBe(
			'wrong_password'
		);
	});

	it('never leaves an organisation without an admin', async () => {
		expect(await as(admin).members.setRole(org, admin.sub, 'editor')).toEqual({
			ok: false,
			reason: 'last_admin'
		});
		expect(await as(admin).members.remove(org, admin.sub)).toEqual({
			ok: false,
			reason: 'last_admin'
		});
		expect(await as(admin).members.setRole(org, analyst.sub, 'analyst')).toEqual({ ok: true });
	});
});

describe('what analysts may read', () => {
	it('limits a district-limited analyst to their districts, in SQL', async () => {
		await db.owner.query(`update public.memberships set districts = '{north}' where user_id = $1`, [
			analyst.sub
		]);
		const strata = await as(analyst).results.strata(surveyId);
		expect(strata.map((s) => s.district)).toEqual(['north']);
		const all = await as(admin).results.strata(surveyId);
		expect(all.map((s) => s.district).sort()).toEqual(['north', 'south']);
		await db.owner.query(`update public.memberships set districts = null where user_id = $1`, [
			analyst.sub
		]);
	});

	it('gives raw responses to admins, and to analysts only with raw-data rights', async () => {
		const count = async (claims: Claims) => {
			const client = await db.app.connect();
			try {
				await client.query('begin; set local role authenticated');
				await client.query("select set_config('request.jwt.claims', $1, true)", [
					JSON.stringify(claims)
				]);
				const { rows } = await client.query<{ n: number }>(
					'select count(*)::int as n from public.answers'
				);
				return rows[0].n;
			} finally {
				await client.query('rollback');
				client.release();
			}
		};
		expect(await count(admin)).toBeGreaterThan(0);
		expect(await count(analyst)).toBe(0);
		await db.owner.query(`update public.memberships set raw_data = true where user_id = $1`, [
			analyst.sub
		]);
		expect(await count(analyst)).toBeGreaterThan(0);
	});
});

describe('audit log', () => {
	it('records who changed what, with before and after', async () => {
		await as(admin).members.setRole(org, analyst.sub, 'editor');
		const [entry] = await as(admin).audit.list(org, { entity: 'memberships' });
		expect(entry).toMatchObject({
			actorEmail: 'admin@members.example',
			action: 'update',
			entity: 'memberships'
		});
		expect(entry.before).toMatchObject({ role: 'analyst' });
		expect(entry.after).toMatchObject({ role: 'editor' });
		expect(await as(analyst).audit.list(org, {})).toEqual([]);
	});

	it('never stores an invitation token hash', async () => {
		const rows = await db.owner.query(
			`select 1 from public.audit_log where after ? 'token_hash' or before ? 'token_hash'`
		);
		expect(rows.rowCount).toBe(0);
	});

	it('is append-only, even for the database owner', async () => {
		await expect(db.owner.query(`update public.audit_log set entity = 'x'`)).rejects.toThrow(
			/append-only/
		);
		await expect(db.owner.query(`delete from public.audit_log`)).rejects.toThrow(/append-only/);
		await expect(db.owner.query(`truncate public.audit_log`)).rejects.toThrow(/append-only/);
	});
});
