import { definition as definitionSchema } from '$lib/domain/questionnaire';
import type { Backend, PublishedSurvey, SurveySummary } from '../types';
import type { Runner } from './runner';

const summaryColumns = `s.id, s.slug, s.title, s.status, o.name as organization`;

export function surveysOf({ run }: Runner): Backend['surveys'] {
	return {
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
				const [row] = await q<{ demo: boolean }>('select public.survey_has_demo_data($1) as demo', [
					surveyId
				]);
				return row?.demo ?? false;
			})
	};
}
