/** Building questionnaires: what editors and admins do to surveys. */
import type { LocalText } from '$lib/domain/questionnaire';

export type SurveyStatus = 'draft' | 'open' | 'closed' | 'archived';

export interface VersionInfo {
	id: string;
	version: number;
	publishedAt: string | null;
}

export interface EditableSurvey {
	id: string;
	orgId: string;
	slug: string;
	title: LocalText;
	status: SurveyStatus;
	opensAt: string | null;
	closesAt: string | null;
	publishedVersionId: string | null;
	/** whether /results/<slug> shows the public its suppressed aggregates */
	resultsPublished: boolean;
	/** the newest version's definition: the draft if there is one, else the published one */
	definition: unknown;
	draftVersionId: string | null;
	versions: VersionInfo[];
}

export type BuilderResult<T = string> =
	{ ok: true; value: T } | { ok: false; reason: 'slug_taken' | 'forbidden' | 'no_draft' };

export interface BuilderApi {
	get(surveyId: string): Promise<EditableSurvey | null>;
	create(
		orgId: string,
		slug: string,
		title: LocalText,
		definition: unknown
	): Promise<BuilderResult>;
	saveDraft(surveyId: string, definition: unknown): Promise<BuilderResult>;
	publish(surveyId: string): Promise<BuilderResult>;
	setSchedule(
		surveyId: string,
		status: SurveyStatus,
		opensAt: Date | null,
		closesAt: Date | null
	): Promise<BuilderResult<null>>;
	duplicate(surveyId: string, slug: string, title: LocalText): Promise<BuilderResult>;
}
