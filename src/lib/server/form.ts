import { error } from '@sveltejs/kit';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** A form field as text, for echoing back what was typed ('' for a file or nothing). */
export function textOf(value: FormDataEntryValue | null | undefined): string {
	return typeof value === 'string' ? value : '';
}

/**
 * The request's form fields, or null when the body cannot be read as a form: a
 * truncated or malformed multipart upload, or a content type that is not a form
 * (e.g. `enctype="text/plain"`). `request.formData()` throws on those, which
 * would otherwise end as a 500; they are the client's problem, so callers answer 400.
 * An error that already has its status (SvelteKit's 413 for a body over
 * BODY_SIZE_LIMIT) is passed on.
 */
export async function formDataOf(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (error) {
		if (typeof (error as { status?: unknown } | null)?.status === 'number') throw error;
		return null;
	}
}

/**
 * The request's form fields; a body that cannot be read as a form ends the
 * request with 400 and a message in the visitor's language instead of a 500.
 */
export async function readForm(request: Request, t: TFunction): Promise<FormData> {
	const form = await formDataOf(request);
	if (!form) error(400, { message: t('errors.unreadableForm') });
	return form;
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
