/** Public results: what anyone may read of a survey once its results are published. */
import type { Definition, LocalText } from '$lib/domain/questionnaire';
import type { PublicCount } from '$lib/domain/public-results';
import type { Stratum, StratumCount } from './types';
import type { SurveyStatus } from './builder-types';

/** Suppressed aggregates only (SQL: public.public_results): no response, no text. */
export interface PublicResults {
	slug: string;
	title: LocalText;
	organization: LocalText;
	status: SurveyStatus;
	/** the published version's questionnaire, for the labels */
	definition: Definition;
	/** k: counts 0 < n < k are hidden */
	minCellSize: number;
	/** null when it is itself a small cell */
	respondents: number | null;
	/** every cell of every closed item; choice '' is who answered the item; n null when hidden */
	counts: PublicCount[];
	/** respondents by district × age group, suppressed the same way */
	strata: StratumCount[];
	districts: Stratum[];
	ageGroups: Stratum[];
}

export type PublishResultsOutcome =
	{ ok: true; published: boolean } | { ok: false; reason: 'forbidden' };

export interface PublicResultsApi {
	/** The published results of a survey, as anyone reads them, or null (not published). */
	read(slug: string): Promise<PublicResults | null>;
	/** Publishes or withdraws a survey's results: editors and admins only. */
	setPublished(surveyId: string, published: boolean): Promise<PublishResultsOutcome>;
}
