import { error, fail } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readPaperSheet } from '$lib/domain/paper-entry';
import { entrySurvey } from './entry-survey.server';
import { summarizeNotes } from './notes';
import { refusalErrors, sheetCode, sheetNumber, typedSheet, type EntryFailure } from './sheet-form';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { survey, settings } = await entrySurvey(locals, params.slug);
	const paper = locals.backend.paper;
	const [waiting, inReview] = settings.doubleEntry
		? await Promise.all([paper.waiting(survey.id), paper.mismatches(survey.id)])
		: [0, []];
	return {
		survey,
		settings,
		waiting,
		inReview: inReview.length,
		// One key per rendered form: a double submit of the same sheet stores it once.
		key: randomUUID()
	};
};

const ids = z.object({ key: z.uuid(), version: z.uuid() });

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await readForm(request, locals.t);
		const posted = ids.safeParse({ key: form.get('key'), version: form.get('version') });
		if (!posted.success) error(400, { message: locals.t('paper.form.stale') });
		// The version the form was built from: its fields are what was typed.
		const { survey, settings, rules } = await entrySurvey(locals, params.slug, posted.data.version);
		const typed = typedSheet(form, survey.definition);
		const code = sheetCode(typed.code);
		const sheet = settings.doubleEntry
			? sheetNumber(typed.sheet, !code.code && !code.error)
			: { sheet: null };
		const read = readPaperSheet(survey.definition, typed.fields, rules);
		if (code.error || sheet.error || Object.keys(read.errors).length) {
			return fail(400, {
				typed,
				fieldErrors: read.errors,
				codeError: code.error,
				sheetError: sheet.error
			} satisfies EntryFailure);
		}

		const result = await locals.backend.paper.submit({
			surveyId: survey.id,
			versionId: survey.versionId,
			idempotencyKey: posted.data.key,
			answers: read.answers,
			code: code.code,
			sheet: sheet.sheet,
			fields: typed.fields
		});
		if (!result.ok) {
			const failure: EntryFailure = { typed, fieldErrors: {}, ...refusalErrors(result.reason) };
			return fail(result.reason === 'invalid' ? 400 : 409, failure);
		}
		return { saved: { status: result.status, notes: summarizeNotes(read.notes, rules) } };
	}
};
