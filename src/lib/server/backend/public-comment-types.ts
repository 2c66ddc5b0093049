/** What the backend gives and takes for public comment (パブリックコメント) and plan timelines. */
import type { LocalText } from '$lib/domain/questionnaire';

export type AskField = 'none' | 'optional' | 'required';
export type Phase = 'before' | 'open' | 'after';
export type StaffChannel = 'paper' | 'fax' | 'email' | 'counter';
export type Channel = 'web' | StaffChannel;
export type CommentKind = 'revision' | 'addition' | 'question' | 'support' | 'other';

/** A consultation's settings, as editors write them. Dates are YYYY-MM-DD (Japan). */
export interface ConsultationSettings {
	slug: string;
	title: string;
	summary: string;
	pdfUrl: string | null;
	opensOn: string;
	closesOn: string;
	askName: AskField;
	askAddress: AskField;
}

export interface DraftSection {
	id: string;
	position: number;
	heading: string;
	/** Markdown, rendered escaped */
	body: string;
}

export interface ConsultationListItem {
	id: string;
	slug: string;
	title: string;
	opensOn: string;
	closesOn: string;
	published: boolean;
	resultsPublished: boolean;
	phase: Phase;
	comments: number;
}

/** The city's answer, on a comment or on a group of similar ones. */
export interface Answer {
	sectionId: string | null;
	summary: string;
	response: string;
	/** null: not decided yet */
	revised: boolean | null;
	revisionNote: string;
}

export interface CommentGroup extends Answer {
	id: string;
}

/** A comment as staff see it, with its sender's details. */
export interface StaffComment extends Answer {
	id: string;
	no: number;
	channel: Channel;
	body: string;
	name: string | null;
	address: string | null;
	consent: boolean;
	receivedOn: string;
	kind: CommentKind | null;
	groupId: string | null;
}

export interface StaffConsultation extends ConsultationSettings {
	id: string;
	orgId: string;
	published: boolean;
	resultsPublished: boolean;
	phase: Phase;
	/** the caller may edit and review (data entry may only key in) */
	editor: boolean;
	sections: DraftSection[];
	groups: CommentGroup[];
	comments: StaffComment[];
}

/** A published draft as anyone reads it. */
export interface PublicConsultation {
	slug: string;
	title: string;
	summary: string;
	pdfUrl: string | null;
	opensOn: string;
	closesOn: string;
	askName: AskField;
	askAddress: AskField;
	phase: Phase;
	resultsPublished: boolean;
	organization: LocalText;
	sections: DraftSection[];
}

export interface ResultRow {
	/** the comment numbers the row answers */
	nos: number[];
	section: string | null;
	summary: string;
	response: string;
	revised: boolean | null;
	revisionNote: string;
}

/** 意見の概要と市の考え方: summaries and views only, never who wrote. */
export interface ConsultationResults {
	slug: string;
	title: string;
	organization: LocalText;
	opensOn: string;
	closesOn: string;
	comments: number;
	channels: Partial<Record<Channel, number>>;
	rows: ResultRow[];
}

export interface CommentInput {
	sectionId: string | null;
	body: string;
	name: string | null;
	address: string | null;
	consent: boolean;
}

export type CommentRefusal =
	| 'not_found'
	| 'closed'
	| 'rate_limited'
	| 'section_unknown'
	| 'body_required'
	| 'name_required'
	| 'address_required'
	| 'consent_required';

export type CommentResult = { ok: true; no: number } | { ok: false; reason: CommentRefusal };

export interface Review extends Answer {
	kind: CommentKind | null;
	groupId: string | null;
}

export interface ConsultationsApi {
	/** The caller's organisations' consultations (editors, admins, data entry). */
	list(): Promise<ConsultationListItem[]>;
	/** null when the caller is not the consultation's staff. */
	read(id: string): Promise<StaffConsultation | null>;
	/** Creates (id null, in orgId) or changes a consultation; returns its id. */
	save(id: string | null, orgId: string, settings: ConsultationSettings): Promise<string>;
	/** Replaces the draft's sections; refused ('has_comments') once comments exist. */
	saveSections(
		id: string,
		sections: { heading: string; body: string }[]
	): Promise<{ ok: true } | { ok: false; reason: 'has_comments' }>;
	publish(id: string, change: { published?: boolean; results?: boolean }): Promise<void>;
	/** A resident's comment, as anon; `client` only feeds the rate limit (hashed in SQL). */
	submit(
		slug: string,
		input: CommentInput,
		client: string,
		idempotencyKey: string
	): Promise<CommentResult>;
	/** A comment received on paper, by fax, email or at the counter. */
	enter(
		consultationId: string,
		input: CommentInput & { channel: StaffChannel; receivedOn: string | null }
	): Promise<CommentResult>;
	review(commentId: string, review: Review): Promise<void>;
	/** Creates (groupId null) or changes a group; returns its id. */
	saveGroup(consultationId: string, groupId: string | null, answer: Answer): Promise<string>;
	/** A published draft, for anyone; null when there is none. */
	readPublic(slug: string): Promise<PublicConsultation | null>;
	/** The published table of opinions and views; null until published. */
	results(slug: string): Promise<ConsultationResults | null>;
}

export type MilestoneKind = 'survey' | 'council' | 'public_comment' | 'adoption' | 'other';
export type MilestoneStatus = 'planned' | 'ongoing' | 'done';

export interface Milestone {
	kind: MilestoneKind;
	title: string;
	startsOn: string | null;
	endsOn: string | null;
	status: MilestoneStatus;
	surveyId: string | null;
	consultationId: string | null;
}

export interface PlanMilestone extends Milestone {
	/** set when the survey's results are public (or, for staff, always) */
	surveySlug: string | null;
	consultationSlug: string | null;
	consultationResults: boolean | null;
}

export interface Plan {
	id: string | null;
	slug: string;
	title: string;
	summary: string;
	organization: LocalText;
	milestones: PlanMilestone[];
}

export interface PlansApi {
	/** The caller's organisations' plans (editors, admins). */
	list(): Promise<Plan[]>;
	/** Creates (id null, in orgId) or changes a plan; returns its id. */
	save(
		id: string | null,
		orgId: string | null,
		plan: { slug: string; title: string; summary: string }
	): Promise<string>;
	saveMilestones(planId: string, milestones: Milestone[]): Promise<void>;
	/** A plan's public timeline; null when there is none. */
	readPublic(slug: string): Promise<Plan | null>;
}
