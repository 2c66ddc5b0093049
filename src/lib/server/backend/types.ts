/**
 * The one narrow interface through which the app reaches data. Each run mode
 * implements it; every call runs with the caller's rights, never the owner's.
 */
import type { Answers } from '$lib/domain/branching';
import type { Definition, LocalText } from '$lib/domain/questionnaire';
import type { RawResponse } from '$lib/domain/exports/raw';
import type { Claims } from '$lib/server/db/context';
import type { AuditApi, MembersApi, OrganizationApi, StaffApi } from './staff-types';
import type { BuilderApi } from './builder-types';
import type { PublicResultsApi } from './public-results-types';
import type { PaperApi, SamplesApi } from './sample-types';
import type { ConsultationsApi, PlansApi } from './public-comment-types';
import type { NumberValueCount, PopulationApi, QuestionStratumCell } from './weighting-types';
import type { BreakdownCell, BreakdownFilter } from '$lib/domain/breakdown';

export interface SurveySummary {
	id: string;
	slug: string;
	title: LocalText;
	organization: LocalText;
	status: 'draft' | 'open' | 'closed';
}

export interface PublishedSurvey extends SurveySummary {
	versionId: string;
	definition: Definition;
	accepting: boolean;
	/** web answers need an invitation code from the mailed sample */
	requiresCode: boolean;
}

export interface Stratum {
	code: string;
	name: LocalText;
}

export interface SubmitInput {
	surveyId: string;
	versionId: string;
	idempotencyKey: string;
	answers: Answers;
	language: string;
	/** the resident's invitation code, when the survey was opened with one */
	code?: string | null;
}

export type SubmitResult =
	| { ok: true; responseId: string; duplicate: boolean }
	| { ok: false; reason: 'closed' | 'invalid' | 'code_unknown' | 'code_used' | 'code_required' };

/** Answers saved under a resume code (no session key, nothing that names the resident). */
export interface Draft {
	/** the code in its canonical form: 12 characters, no hyphens */
	code: string;
	versionId: string;
	answers: Answers;
	/** the page to land on */
	page: number;
}

export interface DraftInput {
	/** null for the session's first save: SQL makes a new code */
	code: string | null;
	surveyId: string;
	versionId: string;
	answers: Answers;
	page: number;
}

export interface CountRow {
	question_key: string;
	item: string;
	choice: string;
	n: number;
}
export interface CrosstabRow {
	district: string;
	age_group: string;
	item: string;
	choice: string;
	/** null: hidden by small-cell suppression (callers without raw-data rights) */
	n: number | null;
}
export interface TextAnswer {
	text_value: string;
	district: string;
	age_group: string;
	/** a date (YYYY-MM-DD): kept coarse so it cannot be matched to anything */
	submitted_on: string;
}

export interface StratumCount {
	district: string;
	age_group: string;
	/** null: hidden by small-cell suppression (callers without raw-data rights) */
	n: number | null;
}

/** What a report's 調査概要 needs: the survey period and the organisation's k for small cells. */
export interface ExportOverview {
	opens_at: string | null;
	closes_at: string | null;
	min_cell_size: number;
}

export type { RawAnswer, RawResponse } from '$lib/domain/exports/raw';

/** Why a new password is refused; the rules live in SQL (koe_auth.password_problem). */
export type PasswordProblem =
	'too_short' | 'too_long' | 'too_simple' | 'contains_email' | 'too_common';

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'wrong' | 'locked' };

export interface FirstAdmin {
	email: string;
	password: string;
	orgSlug: string;
	orgName: string;
}
export type FirstAdminProblem =
	| PasswordProblem
	| 'confirm_email'
	| 'setup_done'
	| 'invalid_email'
	| 'invalid_slug'
	| 'slug_taken'
	| 'invalid_name';

/** Koe's own auth in the SQL modes (supabase/sql-mode): session tokens, rules in SQL. */
export interface SqlAuthApi {
	/** A new session token, or null when refused (wrong email or password, or locked out). */
	signIn(email: string, password: string): Promise<string | null>;
	/** Like signIn, and says why: 'locked' follows 5 failures in 15 minutes, known address or not. */
	attemptSignIn(email: string, password: string): Promise<SignInResult>;
	claims(token: string): Promise<Claims | null>;
	signOut(token: string): Promise<void>;
	/** Ends every session of the signed-in caller. */
	signOutEverywhere(): Promise<void>;
	/** A one-time reset token for a registered address, else null: never tell the visitor which. */
	requestPasswordReset(email: string): Promise<string | null>;
	passwordResetValid(token: string): Promise<boolean>;
	/** Sets the password and ends all the user's sessions; null when done. */
	resetPassword(token: string, password: string): Promise<PasswordProblem | 'invalid_token' | null>;
	/** True while no user exists: the first-run setup is open. */
	setupNeeded(): Promise<boolean>;
	createFirstAdmin(input: FirstAdmin): Promise<FirstAdminProblem | null>;
	/**
	 * The invitee sets a password (new account) or confirms theirs, and joins.
	 * Returns null, or why not (a password rule, wrong_password, invitation_invalid).
	 */
	acceptInvitation(token: string, password: string): Promise<string | null>;
}

export interface Backend {
	surveys: {
		listOpen(): Promise<SurveySummary[]>;
		/** The published survey a resident answers, with one version of its definition. */
		published(slug: string, versionId?: string): Promise<PublishedSurvey | null>;
		/** Surveys of the caller's organisations (staff only). */
		listForStaff(): Promise<SurveySummary[]>;
		strata(surveyId: string): Promise<{ districts: Stratum[]; ageGroups: Stratum[] }>;
		hasDemoData(surveyId: string): Promise<boolean>;
	};
	responses: {
		submit(input: SubmitInput): Promise<SubmitResult>;
		/** Saves the answers so far; returns the resume code, or null when the survey is closed. */
		saveDraft(input: DraftInput): Promise<string | null>;
		/** The draft of a typed code for this survey, or null (unknown, expired, closed). */
		loadDraft(code: string, surveyId: string): Promise<Draft | null>;
		/** Forgets a code's draft, as its session submits. */
		discardDraft(code: string): Promise<void>;
	};
	results: {
		questionCounts(surveyId: string): Promise<CountRow[]>;
		crosstab(surveyId: string, questionKey: string): Promise<CrosstabRow[]>;
		strata(surveyId: string): Promise<StratumCount[]>;
		/** Responses the caller may count: exact, unlike the (suppressible) stratum totals. */
		respondents(surveyId: string): Promise<number>;
		/** Free-text answers to a question (raw data: empty for roles without raw rights). */
		texts(surveyId: string, questionKey: string, search: string | null): Promise<TextAnswer[]>;
		/** Whether the caller may read this survey's individual responses. */
		mayReadRaw(surveyId: string): Promise<boolean>;
		/** The survey period and k; null for callers who may not read the survey's counts. */
		overview(surveyId: string): Promise<ExportOverview | null>;
		/** Every response with its answers; refused in SQL (42501) without raw-data rights. */
		rawResponses(surveyId: string): Promise<RawResponse[]>;
		/** Every closed question's cross-tab by district × age group (suppressed like crosstab). */
		crosstabAll(surveyId: string): Promise<QuestionStratumCell[]>;
		/** A number question's answers by value (rare values pooled without raw-data rights). */
		numberDistribution(surveyId: string, questionKey: string): Promise<NumberValueCount[]>;
		/**
		 * One item of a closed question by a breakdown question's key or a stratum
		 * (STRATUM_BREAKDOWN), filtered; suppressed like crosstab.
		 */
		breakdown(
			surveyId: string,
			target: { question: string; item: string },
			by: string,
			filter: BreakdownFilter
		): Promise<BreakdownCell[]>;
	};
	/** The population by district × age group that weights the results. */
	population: PopulationApi;
	staff: StaffApi;
	builder: BuilderApi;
	publicResults: PublicResultsApi;
	members: MembersApi;
	audit: AuditApi;
	organization: OrganizationApi;
	/** The mailed sample: codes, letters, response rates. */
	samples: SamplesApi;
	/** Paper questionnaires keyed in by staff. */
	paper: PaperApi;
	/** Public comment on draft plans (パブリックコメント). */
	consultations: ConsultationsApi;
	/** Plans' public timelines. */
	plans: PlansApi;
	/** True when the database answers. */
	health(): Promise<boolean>;
}
