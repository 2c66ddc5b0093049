/** The backend for the embedded and DATABASE_URL modes: SQL in the request context. */
import type pg from 'pg';
import { inRequestContext, type Claims } from '$lib/server/db/context';
import { definition as definitionSchema } from '$lib/domain/questionnaire';
import type { Backend, PublishedSurvey, SurveySummary } from './types';

const summaryColumns = `s.id, s.slug, s.title, s.status, o.name as organization`;

export function createSqlBackend(pool: pg.Pool, claims: Claims | null): Backend {
	const run = <T>(work: Parameters<typeof inRequestContext<T>>[2]) =>
		inRequestContext(pool, claims, work);
	const anonymous = <T>(work: Parameters<typeof inRequestContext<T>>[2]) =>
		inRequestContext(pool, null, work);
	const counted = <R extends { n: string | number }>(rows: R[]) =>
		rows.map((row) => ({ ...row, n: Number(row.n) }));

	return {
		auth: {
			signIn: (email, password) =>
				anonymous(async (q) => {
					const [row] = await q<{ token: string | null }>(
						'select public.auth_sign_in($1, $2) as token',
						[email, password]
					);
					return row?.token ?? null;
				}),
			claims: (token) =>
				anonymous(async (q) => {
					const [row] = await q<{ claims: Claims | null }>(
						'select public.auth_session_claims($1) as claims',
						[token]
					);
					return row?.claims ?? null;
				}),
			signOut: (token) =>
				anonymous(async (q) => {
					await q('select public.auth_sign_out($1)', [token]);
				})
		},
		surveys: {
			listOpen: () =>
				run((q) =>
					q<SurveySummary>(
						`select ${summaryColumns} from public.surveys s
						 join public.organizations o on o.id = s.org_id
						 where s.status = 'open' and s.published_version_id is not null
						 order by s.created_at desc`
					)
				),
			published: (slug, versionId) =>
				run(async (q) => {
					const [row] = await q<SurveySummary & PublishedSurvey & { definition: unknown }>(
						`select ${summaryColumns}, v.id as "versionId", v.definition,
						        s.status = 'open' and (s.opens_at is null or s.opens_at <= now())
						          and (s.closes_at is null or s.closes_at > now()) as accepting
						 from public.surveys s
						 join public.organizations o on o.id = s.org_id
						 join public.survey_versions v on v.survey_id = s.id
						 where s.slug = $1 and v.published_at is not null
						   and v.id = coalesce($2::uuid, s.published_version_id)`,
						[slug, versionId ?? null]
					);
					if (!row) return null;
					return { ...row, definition: definitionSchema.parse(row.definition) };
				}),
			listForStaff: () =>
				run((q) =>
					q<SurveySummary>(
						`select ${summaryColumns} from public.surveys s
						 join public.organizations o on o.id = s.org_id
						 where public.is_member(s.org_id)
						 order by s.created_at desc`
					)
				),
			strata: (surveyId) =>
				run(async (q) => {
					const districts = await q<{ code: string; name: { ja: string } }>(
						`select d.code, d.name from public.districts d
						 join public.surveys s on s.org_id = d.org_id where s.id = $1 order by d.sort, d.code`,
						[surveyId]
					);
					const ageGroups = await q<{ code: string; name: { ja: string } }>(
						`select a.code, a.name from public.age_groups a
						 join public.surveys s on s.org_id = a.org_id where s.id = $1 order by a.sort, a.code`,
						[surveyId]
					);
					return { districts, ageGroups };
				}),
			hasDemoData: (surveyId) =>
				run(async (q) => {
					const [row] = await q<{ demo: boolean }>(
						'select exists (select 1 from public.responses where survey_id = $1 and is_demo) as demo',
						[surveyId]
					);
					return row?.demo ?? false;
				})
		},
		responses: {
			submit: (input) =>
				run(async (q) => {
					const [row] = await q<{ result: { response_id: string; duplicate: boolean } }>(
						'select public.submit_response($1, $2, $3, $4, $5) as result',
						[input.surveyId, input.versionId, input.idempotencyKey, input.answers, input.language]
					);
					return {
						ok: true as const,
						responseId: row.result.response_id,
						duplicate: row.result.duplicate
					};
				}).catch((error: { code?: string; hint?: string }) => {
					if (error.hint === 'survey_closed') return { ok: false, reason: 'closed' } as const;
					if (error.code === '22023' || error.code === '22P02') {
						return { ok: false, reason: 'invalid' } as const;
					}
					throw error;
				})
		},
		results: {
			questionCounts: (surveyId) =>
				run(async (q) =>
					counted(
						await q<{ question_key: string; item: string; choice: string; n: string }>(
							'select * from public.results_question_counts($1)',
							[surveyId]
						)
					)
				),
			crosstab: (surveyId, questionKey) =>
				run(async (q) =>
					counted(
						await q<{
							district: string;
							age_group: string;
							item: string;
							choice: string;
							n: string;
						}>('select * from public.results_crosstab($1, $2)', [surveyId, questionKey])
					)
				),
			strata: (surveyId) =>
				run(async (q) =>
					counted(
						await q<{ district: string; age_group: string; n: string }>(
							'select * from public.results_strata($1)',
							[surveyId]
						)
					)
				)
		},
		health: () =>
			anonymous(async (q) => (await q('select 1 as ok')).length === 1).catch(() => false)
	};
}
