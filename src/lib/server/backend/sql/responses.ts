import type { Answers } from '$lib/domain/branching';
import type { Backend } from '../types';
import type { Runner } from './runner';

export function responsesOf({ run }: Runner): Backend['responses'] {
	return {
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
			}),
		saveDraft: (input) =>
			run(async (q) => {
				const [row] = await q<{ code: string }>(
					'select public.draft_save($1, $2, $3, $4, $5) as code',
					[input.code, input.surveyId, input.versionId, input.answers, input.page]
				);
				return row.code;
			}).catch((error: { hint?: string }) => {
				if (error.hint === 'survey_closed') return null;
				throw error;
			}),
		loadDraft: (code, surveyId) =>
			run(async (q) => {
				const [row] = await q<{
					draft: { code: string; version_id: string; answers: Answers; page: number } | null;
				}>('select public.draft_load($1, $2) as draft', [code.slice(0, 100), surveyId]);
				const draft = row?.draft;
				return draft
					? {
							code: draft.code,
							versionId: draft.version_id,
							answers: draft.answers,
							page: draft.page
						}
					: null;
			}),
		discardDraft: (code) =>
			run(async (q) => {
				await q('select public.draft_discard($1)', [code]);
			})
	};
}
