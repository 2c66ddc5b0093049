/** The review forms: a comment's or a group's answer, as zod schemas. */
import { z } from 'zod';

const text = (max: number) =>
	z
		.string()
		.default('')
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => [...s].length <= max);
const maybeId = z
	.union([z.literal(''), z.uuid()])
	.default('')
	.transform((v) => v || null);

const answer = {
	section: maybeId,
	summary: text(4000),
	response: text(4000),
	revised: z
		.enum(['', 'true', 'false'])
		.default('')
		.transform((v) => (v === '' ? null : v === 'true')),
	revision_note: text(4000)
};

export const reviewForm = z.object({
	comment: z.uuid(),
	kind: z
		.enum(['', 'revision', 'addition', 'question', 'support', 'other'])
		.default('')
		.transform((v) => v || null),
	group: maybeId,
	...answer
});

export const groupForm = z.object({
	group: maybeId,
	...answer,
	summary: answer.summary.refine((s) => s !== '')
});
