/**
 * What a resident has answered so far travels with the form as one hidden field,
 * so paging works without JavaScript and without storing anything before submit.
 * It is untrusted: every answer is validated again on submit.
 */
import { z } from 'zod';
import type { Answers } from '$lib/domain/branching';

const choice = z.union([z.string().max(100), z.array(z.string().max(100)).max(100)]);
const answerValue = z.union([
	z.string().max(10_000),
	z.number(),
	z.array(z.string().max(100)).max(100),
	z.strictObject({ choice, other: z.string().max(10_000) }),
	z.record(z.string().max(100), z.record(z.string().max(100), z.string().max(100)))
]);

const formState = z.object({
	/** idempotency key: one per answering session, so a retried submit is stored once */
	k: z.uuid(),
	/** the published version the resident is answering */
	v: z.uuid(),
	a: z.record(z.string().max(100), answerValue),
	/** the resume code the answers so far are saved under, once the first page is sent */
	r: z
		.string()
		.regex(/^[2-9A-HJ-NP-Z]{12}$/)
		.optional(),
	/** the invitation code the session was opened with (it is also the resume code) */
	c: z
		.string()
		.regex(/^[2-9A-HJ-NP-TV-Z]{12}$/)
		.optional()
});
export type FormState = { k: string; v: string; a: Answers; r?: string; c?: string };

export function encodeState(state: FormState): string {
	return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeState(raw: FormDataEntryValue | null): FormState | null {
	if (typeof raw !== 'string' || raw.length > 200_000) return null;
	try {
		const parsed = formState.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
