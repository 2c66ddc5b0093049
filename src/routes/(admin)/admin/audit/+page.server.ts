import { z } from 'zod';
import type { PageServerLoad } from './$types';

const ENTITIES = [
	'organizations',
	'memberships',
	'invitations',
	'districts',
	'age_groups',
	'surveys',
	'survey_versions',
	'population',
	'consultations',
	'consultation_sections',
	'consultation_groups',
	'consultation_comments',
	'plans',
	'plan_milestones'
] as const;

// The filters come from the query string (shareable); anything malformed is ignored.
const filters = z.object({
	entity: z.enum(ENTITIES).optional().catch(undefined),
	actor: z.string().trim().max(320).optional().catch(undefined),
	from: z.iso.date().optional().catch(undefined),
	to: z.iso.date().optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { org } = await parent();
	const filter = filters.parse(Object.fromEntries(url.searchParams));
	const entries = await locals.backend.audit.list(org.orgId, {
		...filter,
		actor: filter.actor || undefined
	});
	return { entries, filter, entities: ENTITIES };
};
