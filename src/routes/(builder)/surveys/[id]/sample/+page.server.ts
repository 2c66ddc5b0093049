import { fail } from '@sveltejs/kit';
import type { SampleImportResult } from '$lib/server/backend/sample-types';
import { generatedEntries, importSample, type SampleEntry } from '$lib/server/samples/import';
import {
	decodeCsv,
	MAX_ERRORS,
	MAX_LENGTH,
	parseSample,
	type RowError
} from '$lib/server/samples/sample-csv';
import { codeSecret } from '$lib/server/samples/secret';
import { readForm, textOf } from '$lib/server/form';
import {
	forgetForm,
	generateForm,
	MAX_GENERATED,
	settingsErrors,
	settingsForm,
	TEXT_LIMITS
} from './forms';
import { contentProblem, sampleStrata, uploadProblem } from './import-file';
import { editedSample } from './survey.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { survey, summary } = await editedSample(locals, params.id);
	const { districts, ageGroups } = await locals.backend.surveys.strata(survey.id);
	return {
		survey,
		summary,
		strata: { districts: districts.length, ageGroups: ageGroups.length },
		canIssue: codeSecret() !== null,
		limits: TEXT_LIMITS
	};
};

type Issuing = 'import' | 'generate';

/** A row's problem, with the length a too long cell may have. */
const withMax = (e: RowError): RowError & { max?: number } =>
	e.problem === 'tooLong' && e.column && e.column in MAX_LENGTH
		? { ...e, max: MAX_LENGTH[e.column as keyof typeof MAX_LENGTH] }
		: e;

/** Issues codes for the entries, or says why not; nothing is stored unless all is well. */
async function issue<F extends Issuing>(
	locals: App.Locals,
	surveyId: string,
	form: F,
	entries: SampleEntry[]
) {
	const secret = codeSecret();
	if (!secret) return fail(400, { form, error: 'sample.noSecret' });
	return stored(form, await importSample(locals.backend.samples, secret, surveyId, entries));
}

function stored<F extends Issuing>(form: F, result: SampleImportResult) {
	if (result.ok) {
		const last = result.first + result.imported - 1;
		return { form, imported: result.imported, first: result.first, last };
	}
	if ('changed' in result) return fail(409, { form, error: 'sample.import.error.changed' });
	return fail(400, {
		form,
		problems: result.problems.slice(0, MAX_ERRORS),
		cut: result.problems.length > MAX_ERRORS
	});
}

export const actions: Actions = {
	settings: async ({ locals, params, request }) => {
		await editedSample(locals, params.id);
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = {
			requires_code: raw.requires_code !== undefined,
			double_entry: raw.double_entry !== undefined,
			paper_too_many: textOf(raw.paper_too_many),
			letter_text: textOf(raw.letter_text),
			reminder_text: textOf(raw.reminder_text),
			sender: textOf(raw.sender)
		};
		const parsed = settingsForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				form: 'settings' as const,
				errors: settingsErrors(parsed.error.issues),
				values
			});
		}
		const s = parsed.data;
		await locals.backend.samples.saveSettings(params.id, {
			requiresCode: s.requires_code,
			doubleEntry: s.double_entry,
			paperTooMany: s.paper_too_many,
			letterText: s.letter_text,
			reminderText: s.reminder_text,
			sender: s.sender
		});
		return { form: 'settings' as const, saved: true };
	},

	/** A sample file (CSV, UTF-8 or Shift_JIS): every row checked, all imported or none. */
	import: async ({ locals, params, request }) => {
		const { survey, summary } = await editedSample(locals, params.id);
		const upload = (await readForm(request, locals.t)).get('file');
		const problem = uploadProblem(upload);
		if (problem || !(upload instanceof File)) {
			return fail(400, { form: 'import' as const, error: `sample.import.error.${problem}` });
		}
		const bytes = new Uint8Array(await upload.arrayBuffer());
		const notText = contentProblem(bytes);
		if (notText)
			return fail(400, { form: 'import' as const, error: `sample.import.error.${notText}` });

		const strata = sampleStrata(await locals.backend.surveys.strata(survey.id), summary.ageRanges);
		const { rows, errors } = parseSample(decodeCsv(bytes), strata);
		if (errors.length > 0) {
			return fail(400, {
				form: 'import' as const,
				rowErrors: errors.map(withMax),
				cut: errors.length >= MAX_ERRORS
			});
		}
		return issue(locals, survey.id, 'import', rows);
	},

	/** Codes without names: N for every district × age group (「層別にコードを発行」). */
	generate: async ({ locals, params, request }) => {
		const { survey } = await editedSample(locals, params.id);
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const count = textOf(raw.count).slice(0, 20);
		const parsed = generateForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, { form: 'generate' as const, error: 'sample.generate.error.count', count });
		}
		const { districts, ageGroups } = await locals.backend.surveys.strata(survey.id);
		const total = districts.length * ageGroups.length * parsed.data.count;
		if (total === 0) {
			return fail(400, {
				form: 'generate' as const,
				error: 'sample.generate.error.noStrata',
				count
			});
		}
		if (total > MAX_GENERATED) {
			return fail(400, {
				form: 'generate' as const,
				error: 'sample.generate.error.total',
				count,
				total
			});
		}
		const entries = generatedEntries(
			districts.map((d) => d.code),
			ageGroups.map((a) => a.code),
			parsed.data.count
		);
		return issue(locals, survey.id, 'generate', entries);
	},

	/** After mailing: every name, address and letter number goes; codes and strata stay. */
	forget: async ({ locals, params, request }) => {
		await editedSample(locals, params.id);
		const parsed = forgetForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success)
			return fail(400, { form: 'forget' as const, error: 'sample.forget.error' });
		const forgotten = await locals.backend.samples.forgetMailing(params.id);
		return { form: 'forget' as const, forgotten };
	}
};
