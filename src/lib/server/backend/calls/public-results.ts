import { definition as definitionSchema } from '$lib/domain/questionnaire';
import { RpcError, type Transports } from '$lib/server/rpc/types';
import type { PublicResults, PublicResultsApi } from '../public-results-types';

export function publicResultsOf({ caller, anon }: Transports): PublicResultsApi {
	return {
		// Always as anon: a signed-in official sees exactly what the public sees.
		read: async (slug) => {
			const row = await anon<(Omit<PublicResults, 'definition'> & { definition: unknown }) | null>(
				'public_results',
				{ p_slug: slug }
			);
			return row ? { ...row, definition: definitionSchema.parse(row.definition) } : null;
		},
		setPublished: (surveyId, published) =>
			caller<boolean>('survey_set_results_published', {
				p_survey_id: surveyId,
				p_published: published
			}).then(
				(value) => ({ ok: true as const, published: value }),
				(error: unknown) => {
					if (error instanceof RpcError && error.code === '42501') {
						return { ok: false as const, reason: 'forbidden' as const };
					}
					throw error;
				}
			)
	};
}
