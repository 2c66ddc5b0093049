/**
 * The resident's comment form as a zod schema, with the two bot checks that need
 * no third party: a honeypot field people never see (`website`) and the time the
 * form was shown (`shown`), since a person takes longer than a few seconds to
 * read and write. The hard limit, per client, is in SQL (comment_submit).
 */
import { z } from 'zod';
import type { AskField } from '$lib/server/backend/public-comment-types';

export const LIMITS = { body: 8000, name: 100, address: 300 } as const;
/** Faster than this from showing the form to sending it is not a person. */
export const MIN_SECONDS = 3;

const text = (max: number) =>
	z
		.string()
		.default('')
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => [...s].length <= max);

export type CommentField = 'section' | 'body' | 'name' | 'address' | 'consent';

/** The schema for a consultation asking for name and address as `ask` says. */
export function commentForm(ask: { name: AskField; address: AskField }) {
	const personal = (field: 'name' | 'address') =>
		ask[field] === 'required'
			? text(LIMITS[field]).refine((s) => s !== '')
			: text(LIMITS[field]).transform((s) => (ask[field] === 'none' || s === '' ? null : s));
	return z.object({
		section: z.union([z.literal(''), z.uuid()]).default(''),
		body: text(LIMITS.body).refine((s) => s !== ''),
		name: personal('name'),
		address: personal('address'),
		consent: z.literal('on'),
		key: z.uuid(),
		shown: z.coerce.number().int().nonnegative(),
		website: z.string().default('')
	});
}

/** The first problem of each field, as its message key. */
export function commentErrors(issues: z.core.$ZodIssue[]): Partial<Record<CommentField, string>> {
	const errors: Partial<Record<CommentField, string>> = {};
	for (const issue of issues) {
		const field = issue.path[0];
		if (field === 'section' || field === 'body' || field === 'name' || field === 'address') {
			errors[field] ??= `pubcom.form.error.${field}`;
		} else if (field === 'consent') errors.consent ??= 'pubcom.form.error.consent';
	}
	return errors;
}

/** Whether the form came back too soon after it was shown (or from the future). */
export function tooFast(shown: number, now = Date.now()): boolean {
	return now - shown < MIN_SECONDS * 1000;
}
