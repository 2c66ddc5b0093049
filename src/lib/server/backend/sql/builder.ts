import type { BuilderApi, BuilderResult, EditableSurvey, VersionInfo } from '../builder-types';
import type { Runner } from './runner';

/** Maps the SQL errors a builder call can meet to reasons the UI can explain. */
function refused(error: unknown): BuilderResult<never> {
	const e = error as { code?: string; hint?: string; constraint?: string };
	if (e.code === '23505' && e.constraint === 'surveys_slug_key')
		return { ok: false, reason: 'slug_taken' };
	if (e.hint === 'no_draft') return { ok: false, reason: 'no_draft' };
	if (e.code === '42501') return { ok: false, reason: 'forbidden' };
	throw error;
}

export function builderOf({ run }: Runner): BuilderApi {
	const call = <T>(sql: string, params: unknown[]) =>
		run(async (q) => {
			const [row] = await q<{ value: T }>(sql, params);
			return { ok: true as const, value: row.value };
		}).catch(refused);

	return {
		get: (surveyId) =>
			run(async (q) => {
				const [survey] = await q<Omit<EditableSurvey, 'versions'>>(
					`select s.id, s.org_id as "orgId", s.slug, s.title, s.status, s.opens_at as "opensAt",
					        s.closes_at as "closesAt", s.published_version_id as "publishedVersionId",
					        (select v.definition from public.survey_versions v where v.survey_id = s.id
					         order by v.version desc limit 1) as definition,
					        (public.survey_draft(s.id)).id as "draftVersionId"
					 from public.surveys s
					 where s.id = $1 and public.is_member(s.org_id, '{admin,editor}')`,
					[surveyId]
				);
				if (!survey) return null;
				const versions = await q<VersionInfo>(
					`select id, version, published_at as "publishedAt" from public.survey_versions
					 where survey_id = $1 order by version desc`,
					[surveyId]
				);
				return { ...survey, versions };
			}),
		create: (orgId, slug, title, definition) =>
			call('select public.survey_create($1, $2, $3, $4) as value', [
				orgId,
				slug,
				title,
				definition
			]),
		saveDraft: (surveyId, definition) =>
			call('select public.survey_save_draft($1, $2) as value', [surveyId, definition]),
		publish: (surveyId) => call('select public.survey_publish($1) as value', [surveyId]),
		setSchedule: (surveyId, status, opensAt, closesAt) =>
			call<null>('select public.survey_set_schedule($1, $2, $3, $4) as value', [
				surveyId,
				status,
				opensAt,
				closesAt
			]),
		duplicate: (surveyId, slug, title) =>
			call('select public.survey_duplicate($1, $2, $3) as value', [surveyId, slug, title])
	};
}
