/**
 * The one narrow interface through which the app reaches data. Each run mode
 * implements it; every call runs with the caller's rights, never the owner's.
 */
import type { Answers } from '$lib/domain/branching';
import type { Definition, LocalText } from '$lib/domain/questionnaire';
import type { Claims } from '$lib/server/db/context';
import type { AuditApi, MembersApi, StaffApi } from './staff-types';

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

export interface Backend {
	auth: {
		/** A new session token, or null when the email or password is wrong. */
		signIn(email: string, password: string): Promise<string | null>;
		claims(token: string): Promise<Claims | null>;
		signOut(token: string): Promise<void>;
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
	members: MembersApi;
	audit: AuditApi;
	/** True when the database answers. */
	health(): Promise<boolean>;
}
