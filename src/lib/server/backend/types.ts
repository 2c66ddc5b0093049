/**
 * The one narrow interface through which the app reaches data. Each run mode
 * implements it; every call runs with the caller's rights, never the owner's.
 */
import type { Answers } from '$lib/domain/branching';
import type { Definition, LocalText } from '$lib/domain/questionnaire';
import type { Claims } from '$lib/server/db/context';
import type { AuditApi, MembersApi, StaffApi } from './staff-types';
import type { BuilderApi } from './builder-types';

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
}

export type SubmitResult =
	| { ok: true; responseId: string; duplicate: boolean }
	| { ok: false; reason: 'closed' | 'invalid' };

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
	n: number;
}
export interface StratumCount {
	district: string;
	age_group: string;
	n: number;
}

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
	PasswordProblem | 'setup_done' | 'invalid_email' | 'invalid_slug' | 'slug_taken' | 'invalid_name';

export interface Backend {
	auth: {
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
		resetPassword(
			token: string,
			password: string
		): Promise<PasswordProblem | 'invalid_token' | null>;
		/** True while no user exists: the first-run setup is open. */
		setupNeeded(): Promise<boolean>;
		createFirstAdmin(input: FirstAdmin): Promise<FirstAdminProblem | null>;
	};
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
	};
	results: {
		questionCounts(surveyId: string): Promise<CountRow[]>;
		crosstab(surveyId: string, questionKey: string): Promise<CrosstabRow[]>;
		strata(surveyId: string): Promise<StratumCount[]>;
	};
	staff: StaffApi;
	builder: BuilderApi;
	members: MembersApi;
	audit: AuditApi;
	/** True when the database answers. */
	health(): Promise<boolean>;
}
