/** Arranges organisations, staff and surveys as the owner, for database tests. */
import type pg from 'pg';
import type { Definition } from '$lib/domain/questionnaire';
import type { Claims } from '../db/context';

export async function createOrganization(owner: pg.Pool, slug: string) {
	const { rows } = await owner.query<{ id: string }>(
		`insert into public.organizations (slug, name) values ($1, $2) returning id`,
		[slug, { ja: slug }]
	);
	return rows[0].id;
}

export async function createStaff(
	owner: pg.Pool,
	orgId: string,
	email: string,
	role = 'analyst'
): Promise<Claims> {
	const { rows } = await owner.query<{ id: string }>(
		`select koe_auth.upsert_user($1, 'correct horse battery') as id`,
		[email]
	);
	await owner.query(`insert into public.memberships (org_id, user_id, role) values ($1, $2, $3)`, [
		orgId,
		rows[0].id,
		role
	]);
	return { sub: rows[0].id, role: 'authenticated', email };
}

export async function createSurvey(
	owner: pg.Pool,
	orgId: string,
	slug: string,
	definition: Definition,
	status: 'draft' | 'open' | 'closed' = 'open'
) {
	const { rows } = await owner.query<{ id: string }>(
		`insert into public.surveys (org_id, slug, title, status) values ($1, $2, $3, $4) returning id`,
		[orgId, slug, { ja: slug }, status]
	);
	const surveyId = rows[0].id;
	const published = status === 'draft' ? null : new Date();
	const version = await owner.query<{ id: string }>(
		`insert into public.survey_versions (survey_id, version, definition, published_at)
		 values ($1, 1, $2, $3) returning id`,
		[surveyId, definition, published]
	);
	const versionId = version.rows[0].id;
	if (published) {
		await owner.query('update public.surveys set published_version_id = $2 where id = $1', [
			surveyId,
			versionId
		]);
	}
	return { surveyId, versionId };
}
