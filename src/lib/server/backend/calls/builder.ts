import { RpcError, type Transports } from '$lib/server/rpc/types';
import type { BuilderApi, BuilderResult, EditableSurvey } from '../builder-types';

/** Maps the SQL errors a builder call can meet to reasons the UI can explain. */
function refused(error: unknown): BuilderResult<never> {
	if (!(error instanceof RpcError)) throw error;
	// PostgREST sends no constraint name of its own: it is in the message.
	if (error.code === '23505' && error.message.includes('surveys_slug_key'))
		return { ok: false, reason: 'slug_taken' };
	if (error.hint === 'no_draft') return { ok: false, reason: 'no_draft' };
	if (error.code === '42501') return { ok: false, reason: 'forbidden' };
	throw error;
}

export function builderOf({ caller }: Transports): BuilderApi {
	const call = <T = string>(fn: string, args: Record<string, unknown>) =>
		caller<T>(fn, args).then((value) => ({ ok: true as const, value }), refused);

	return {
		get: (surveyId) =>
			caller<EditableSurvey | null>('survey_for_editing', { p_survey_id: surveyId }),
		create: (orgId, slug, title, definition) =>
			call('survey_create', {
				p_org_id: orgId,
				p_slug: slug,
				p_title: title,
				p_definition: definition
			}),
		saveDraft: (surveyId, definition) =>
			call('survey_save_draft', { p_survey_id: surveyId, p_definition: definition }),
		publish: (surveyId) => call('survey_publish', { p_survey_id: surveyId }),
		setSchedule: (surveyId, status, opensAt, closesAt) =>
			call<null>('survey_set_schedule', {
				p_survey_id: surveyId,
				p_status: status,
				p_opens_at: opensAt,
				p_closes_at: closesAt
			}),
		duplicate: (surveyId, slug, title) =>
			call('survey_duplicate', { p_survey_id: surveyId, p_slug: slug, p_title: title })
	};
}
