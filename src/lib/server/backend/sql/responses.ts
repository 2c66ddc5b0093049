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
			})
	};
}
