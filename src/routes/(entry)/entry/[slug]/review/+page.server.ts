import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { readPaperSheet } from '$lib/domain/paper-entry';
import type { Definition } from '$lib/domain/questionnaire';
import type { PublishedSurvey } from '$lib/server/backend/types';
import { entrySurvey } from '../entry-survey.server';
import { summarizeNotes } from '../notes';
import { refusalErrors, sheetCode, typedSheet, type EntryFailure } from '../sheet-form';
import { reviewSheet } from './review-sheet';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

/** The definition each sheet was keyed against (nearly always the published one). */
async function definitions(locals: App.Locals, survey: PublishedSurvey, versionIds: string[]) {
	const found: Record<string, Definition> = { [survey.versionId]: survey.definition };
	for (const id of new Set(versionIds)) {
		found[id] ??=
			(await locals.backend.surveys.published(survey.slug, id))?.definition ?? survey.definition;
	}
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { survey, rules } = await entrySurvey(locals, params.slug);
	const mismatches = await locals.backend.paper.mismatches(survey.id);
	const defs = await definitions(
		locals,
		survey,
		mismatches.map((m) => m.entries[0].versionId)
	);
	return {
		survey: { slug: survey.slug, title: survey.title },
		definitions: defs,
		sheets: mismatches.map((m) => reviewSheet(m, defs[m.entries[0].versionId], rules))
	};
};

const posted = z.object({ entry: z.uuid() });

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = await readForm(request, locals.t);
		const ids = posted.safeParse({ entry: form.get('entry') });
		if (!ids.success) error(400, { message: locals.t('paper.form.stale') });
		const entry = ids.data.entry;
		const { survey, rules } = await entrySurvey(locals, params.slug);
		const mismatch = (await locals.backend.paper.mismatches(survey.id)).find((m) =>
			m.entries.some((e) => e.id === entry)
		);
		if (!mismatch) {
			const gone: Failure = {
				entry,
				typed: { code: '', sheet: '', fields: {} },
				fieldErrors: {},
				problem: 'entry_gone'
			};
			return fail(409, gone);
		}

		const versionId = mismatch.entries.find((e) => e.id === entry)!.versionId;
		const def = (await definitions(locals, survey, [versionId]))[versionId];
		const typed = typedSheet(form, def);
		// The database keeps only the code's hash: whoever settles the sheet types it again.
		const code = mismatch.sheetLabel.endsWith('…') ? sheetCode(typed.code, true) : { code: null };
		const read = readPaperSheet(def, typed.fields, rules);
		if (code.error || Object.keys(read.errors).length) {
			return fail(400, {
				entry,
				typed,
				fieldErrors: read.errors,
				codeError: code.error
			} satisfies Failure);
		}

		const result = await locals.backend.paper.resolve(entry, read.answers, code.code);
		if (!result.ok) {
			const refusal =
				result.reason === 'code_unknown'
					? { codeError: 'mismatch' as const }
					: refusalErrors(result.reason);
			return fail(409, { entry, typed, fieldErrors: {}, ...refusal } satisfies Failure);
		}
		return {
			resolved: {
				label: mismatch.sheetLabel,
				hasCode: mismatch.sheetLabel.endsWith('…'),
				notes: summarizeNotes(read.notes, rules)
			}
		};
	}
};

type Failure = EntryFailure & { entry: string };
