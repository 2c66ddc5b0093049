import { RpcError, type Transports } from '$lib/server/rpc/types';
import type {
	CommentRefusal,
	CommentResult,
	ConsultationResults,
	ConsultationsApi,
	ConsultationListItem,
	Plan,
	PlansApi,
	PublicConsultation,
	StaffConsultation
} from '../public-comment-types';

/** snake_case keys from SQL's JSON as the camelCase the app reads, all the way down. */
function camel<T>(value: unknown): T {
	if (Array.isArray(value)) return value.map((v) => camel(v)) as T;
	if (value === null || typeof value !== 'object') return value as T;
	return Object.fromEntries(
		Object.entries(value).map(([k, v]) => [
			k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
			// a language map (organisation names) keeps its keys, which have no underscores
			camel(v)
		])
	) as T;
}

const REFUSALS: CommentRefusal[] = [
	'not_found',
	'closed',
	'rate_limited',
	'section_unknown',
	'body_required',
	'name_required',
	'address_required',
	'consent_required'
];

function refusal(error: unknown): CommentResult {
	if (error instanceof RpcError) {
		const reason = REFUSALS.find((r) => r === error.hint);
		if (reason) return { ok: false, reason };
		// a section id that is not a uuid
		if (error.code === '22P02') return { ok: false, reason: 'section_unknown' };
	}
	throw error;
}

export function consultationsOf({ caller, anon }: Transports): ConsultationsApi {
	return {
		list: async () => camel<ConsultationListItem[]>(await caller('consultation_list')),
		read: async (id) =>
			camel<StaffConsultation | null>(await caller('consultation_staff', { p_id: id })),
		save: (id, orgId, s) =>
			caller<string>('consultation_save', {
				p_id: id,
				p_org_id: orgId,
				p_slug: s.slug,
				p_title: s.title,
				p_summary: s.summary,
				p_pdf_url: s.pdfUrl,
				p_opens_on: s.opensOn,
				p_closes_on: s.closesOn,
				p_ask_name: s.askName,
				p_ask_address: s.askAddress
			}),
		saveSections: (id, sections) =>
			caller('consultation_sections_save', { p_id: id, p_sections: sections }).then(
				() => ({ ok: true as const }),
				(error: unknown) => {
					if (error instanceof RpcError && error.hint === 'has_comments') {
						return { ok: false as const, reason: 'has_comments' as const };
					}
					throw error;
				}
			),
		publish: async (id, change) => {
			await caller('consultation_publish', {
				p_id: id,
				p_published: change.published ?? null,
				p_results: change.results ?? null
			});
		},
		submit: (slug, input, client, idempotencyKey) =>
			anon<{ no: number }>('comment_submit', {
				p_slug: slug,
				p_section_id: input.sectionId,
				p_body: input.body,
				p_name: input.name,
				p_address: input.address,
				p_consent: input.consent,
				p_client: client,
				p_idempotency_key: idempotencyKey
			}).then((r): CommentResult => ({ ok: true, no: r.no }), refusal),
		enter: (consultationId, input) =>
			caller<{ no: number }>('comment_enter', {
				p_consultation_id: consultationId,
				p_section_id: input.sectionId,
				p_channel: input.channel,
				p_body: input.body,
				p_name: input.name,
				p_address: input.address,
				p_consent: input.consent,
				p_received_on: input.receivedOn
			}).then((r): CommentResult => ({ ok: true, no: r.no }), refusal),
		review: async (commentId, r) => {
			await caller('comment_review', {
				p_comment_id: commentId,
				p_section_id: r.sectionId,
				p_kind: r.kind,
				p_group_id: r.groupId,
				p_summary: r.summary,
				p_response: r.response,
				p_revised: r.revised,
				p_revision_note: r.revisionNote
			});
		},
		saveGroup: (consultationId, groupId, a) =>
			caller<string>('comment_group_save', {
				p_consultation_id: consultationId,
				p_group_id: groupId,
				p_section_id: a.sectionId,
				p_summary: a.summary,
				p_response: a.response,
				p_revised: a.revised,
				p_revision_note: a.revisionNote
			}),
		// Always as anon: staff see exactly what the public sees.
		readPublic: async (slug) =>
			camel<PublicConsultation | null>(await anon('consultation_public', { p_slug: slug })),
		results: async (slug) =>
			camel<ConsultationResults | null>(await anon('consultation_results', { p_slug: slug }))
	};
}

export function plansOf({ caller, anon }: Transports): PlansApi {
	return {
		list: async () => camel<Plan[]>(await caller('plan_list')),
		save: (id, orgId, p) =>
			caller<string>('plan_save', {
				p_id: id,
				p_org_id: orgId,
				p_slug: p.slug,
				p_title: p.title,
				p_summary: p.summary
			}),
		saveMilestones: async (planId, milestones) => {
			await caller('plan_milestones_save', {
				p_plan_id: planId,
				p_milestones: milestones.map((m) => ({
					kind: m.kind,
					title: m.title,
					starts_on: m.startsOn,
					ends_on: m.endsOn,
					status: m.status,
					survey_id: m.surveyId,
					consultation_id: m.consultationId
				}))
			});
		},
		readPublic: async (slug) => camel<Plan | null>(await anon('plan_public', { p_slug: slug }))
	};
}
