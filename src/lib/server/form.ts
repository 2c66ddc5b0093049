import type { z } from 'zod';

/** A form field as text, for echoing back what was typed ('' for a file or nothing). */
export function textOf(value: FormDataEntryValue | null | undefined): string {
	return typeof value === 'string' ? value : '';
}

/** The first problem of each of `fields`, as the message key `prefix.field`. */
export function fieldErrors<F extends string>(
	issues: z.core.$ZodIssue[],
	fields: readonly F[],
	prefix: string
): Partial<Record<F, string>> {
	const errors: Partial<Record<F, string>> = {};
	for (const issue of issues) {
		const field = fields.find((f) => f === issue.path[0]);
		if (field) errors[field] ??= `${prefix}.${field}`;
	}
	return errors;
}
