import type { Answers } from '$lib/domain/branching';
import { RpcError, type Transports } from '$lib/server/rpc/types';
import type { Backend } from '../types';

const hinted = (error: unknown, hint: string) => error instanceof RpcError && error.hint === hint;

export function responsesOf({ caller }: Transports): Backend['responses'] {
	return {
		submit: async (input) => {
			try {
				const result = await caller<{ response_id: string; duplicate: boolean }>(
					'submit_response',
					{
						p_survey_id: input.surveyId,
						p_version_id: input.versionId,
						p_idempotency_key: input.idempotencyKey,
						p_answers: input.answers,
						p_language: input.language,
						p_code: input.code ?? null
					}
				);
				return { ok: true, responseId: result.response_id, duplicate: result.duplicate };
			} catch (error) {
				if (hinted(error, 'survey_closed')) return { ok: false, reason: 'closed' };
				for (const reason of ['code_unknown', 'code_used', 'code_required'] as const) {
					if (hinted(error, reason)) return { ok: false, reason };
				}
				if (error instanceof RpcError && (error.code === '22023' || error.code === '22P02')) {
					return { ok: false, reason: 'invalid' };
				}
				throw error;
			}
		},
		saveDraft: (input) =>
			caller<string>('draft_save', {
				p_code: input.code,
				p_survey_id: input.surveyId,
				p_version_id: input.versionId,
				p_answers: input.answers,
				p_page: input.page
			}).catch((error: unknown) => {
				if (hinted(error, 'survey_closed')) return null;
				throw error;
			}),
		loadDraft: async (code, surveyId) => {
			const draft = await caller<{
				code: string;
				version_id: string;
				answers: Answers;
				page: number;
			} | null>('draft_load', { p_code: code.slice(0, 100), p_survey_id: surveyId });
			return draft
				? {
						code: draft.code,
						versionId: draft.version_id,
						answers: draft.answers,
						page: draft.page
					}
				: null;
		},
		discardDraft: async (code) => {
			await caller('draft_discard', { p_code: code });
		}
	};
}
