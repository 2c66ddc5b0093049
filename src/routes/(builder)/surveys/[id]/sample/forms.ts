/**
 * The sample page's forms as zod schemas: what each one may send, checked
 * before anything reaches the database (which checks the same limits again).
 */
import { z } from 'zod';

/** The lengths survey_mailings allows, counted as PostgreSQL's char_length does: code points. */
export const TEXT_LIMITS = { letter_text: 4000, reminder_text: 2000, sender: 500 } as const;
/** Codes per district × age group, and in all, that one generation may issue. */
export const MAX_PER_STRATUM = 2000;
export const MAX_GENERATED = 20_000;

/** A textarea's text with the CRLF line ends browsers send made LF, at most `max` characters. */
const text = (max: number) =>
	z
		.string()
		.default('')
		.transform((s) => s.replace(/\r\n?/g, '\n'))
		.refine((s) => [...s].length <= max);

/** A checkbox sends its value only when it is checked. */
const checkbox = z
	.string()
	.optional()
	.transform((v) => v !== undefined);

export const settingsForm = z.object({
	requires_code: checkbox,
	double_entry: checkbox,
	paper_too_many: z.enum(['first', 'invalid']),
	letter_text: text(TEXT_LIMITS.letter_text),
	reminder_text: text(TEXT_LIMITS.reminder_text),
	sender: text(TEXT_LIMITS.sender)
});
export type SettingsField = keyof typeof settingsForm.shape;

/** The fields of a refused settings form, each with the message key that explains it. */
export function settingsErrors(issues: z.core.$ZodIssue[]): Partial<Record<SettingsField, string>> {
	const errors: Partial<Record<SettingsField, string>> = {};
	for (const issue of issues) {
		const field = issue.path[0];
		if (typeof field === 'string' && field in settingsForm.shape) {
			errors[field as SettingsField] ??= `sample.settings.error.${field}`;
		}
	}
	return errors;
}

export const generateForm = z.object({
	count: z
		.string()
		.trim()
		.regex(/^\d{1,5}$/)
		.transform(Number)
		.pipe(z.number().int().min(1).max(MAX_PER_STRATUM))
});

export const forgetForm = z.object({ confirm: z.literal('on') });
