/** A plan and its milestones as zod schemas; milestone rows come as `field_N` form fields. */
import { z } from 'zod';
import type { Milestone } from '$lib/server/backend/public-comment-types';

const text = (max: number) =>
	z
		.string()
		.default('')
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => [...s].length <= max);
const day = z
	.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
	.default('')
	.transform((v) => v || null);
const id = z
	.union([z.literal(''), z.uuid()])
	.default('')
	.transform((v) => v || null);

export const planForm = z.object({
	slug: z
		.string()
		.trim()
		.regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
	title: text(200).refine((s) => s !== ''),
	summary: text(4000)
});
export const PLAN_FIELDS = ['slug', 'title', 'summary'] as const;

export const KINDS = ['survey', 'council', 'public_comment', 'adoption', 'other'] as const;
export const STATUSES = ['planned', 'ongoing', 'done'] as const;

const milestone = z
	.object({
		kind: z.enum(KINDS),
		title: text(200),
		starts_on: day,
		ends_on: day,
		status: z.enum(STATUSES),
		survey: id,
		consultation: id
	})
	.refine((m) => !m.starts_on || !m.ends_on || m.ends_on >= m.starts_on);

/** Rows 0 … count-1 of the form; a row without a title is left out. */
export function readMilestones(
	data: Record<string, FormDataEntryValue>,
	count: number
): { ok: true; milestones: Milestone[] } | { ok: false; row: number } {
	const milestones: Milestone[] = [];
	for (let i = 0; i < count; i++) {
		const field = (name: string) => data[`${name}_${i}`];
		const title = field('title');
		if (typeof title !== 'string' || title.trim() === '') continue;
		const parsed = milestone.safeParse(
			Object.fromEntries(
				['kind', 'title', 'starts_on', 'ends_on', 'status', 'survey', 'consultation'].map((k) => [
					k,
					field(k)
				])
			)
		);
		if (!parsed.success) return { ok: false, row: i + 1 };
		const m = parsed.data;
		milestones.push({
			kind: m.kind,
			title: m.title,
			startsOn: m.starts_on,
			endsOn: m.ends_on,
			status: m.status,
			surveyId: m.survey,
			consultationId: m.consultation
		});
	}
	return { ok: true, milestones };
}
