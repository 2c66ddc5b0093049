import { error, fail, redirect } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import {
	validatePage,
	validateSubmission,
	readAnswers,
	type FieldErrors
} from '$lib/domain/answers';
import { paginate, pruneHidden, shownPages, stepPage, type Answers } from '$lib/domain/branching';
import { isLocale } from '$lib/i18n';
import type { PublishedSurvey } from '$lib/server/backend/types';
import { formDataOf } from '$lib/server/form';
import { switchLocale } from '$lib/server/locale';
import { decodeState, encodeState, type FormState } from './form-state';
import { openWithCode, type CodeGate } from './invitation';
import { groupCode, resumedState, saveProgress } from './resume';
import type { Actions, PageServerLoad } from './$types';

export interface AnswerView {
	page: number;
	state: string;
	/** the answering session's key: it fixes the order of shuffled options */
	session: string;
	answers: Answers;
	errors?: FieldErrors;
	restarted?: boolean;
	closed?: boolean;
	/** the resume code, grouped for reading, once the answers so far are saved */
	resume?: string;
	/** a typed or linked resume code that found nothing, as typed */
	resumeError?: string;
	/** the session was opened with an invitation code (which is also its resume code) */
	invited?: boolean;
	/** instead of the questions: the invitation code page, and why */
	gate?: CodeGate;
}

function view(state: FormState, page: number, errors?: FieldErrors): AnswerView {
	const resume = state.r ? groupCode(state.r) : undefined;
	const invited = state.c !== undefined;
	return {
		page,
		state: encodeState(state),
		session: state.k,
		answers: state.a,
		errors,
		resume,
		invited
	};
}

/**
 * The published survey (the current version, or the one a form state names), read
 * once per request: after a form action SvelteKit runs the page's load, which
 * asks for the same survey again.
 */
const readThisRequest = new WeakMap<App.Locals, Map<string, Promise<PublishedSurvey | null>>>();
function published(locals: App.Locals, slug: string, versionId?: string) {
	let known = readThisRequest.get(locals);
	if (!known)
		readThisRequest.set(locals, (known = new Map<string, Promise<PublishedSurvey | null>>()));
	const key = `${slug}\n${versionId ?? ''}`;
	let found = known.get(key);
	if (!found) {
		found = locals.backend.surveys.published(slug, versionId);
		known.set(key, found);
	}
	return found;
}

const newSession = (survey: PublishedSurvey) =>
	view({ k: randomUUID(), v: survey.versionId, a: {} }, shownPages(survey.definition, {})[0] ?? 0);

/** The view of a resumed draft, or a new session that says the code found nothing. */
async function resume(locals: App.Locals, survey: PublishedSurvey, code: string) {
	const draft = survey.accepting ? await locals.backend.responses.loadDraft(code, survey.id) : null;
	if (!draft) return { ...newSession(survey), resumeError: code.slice(0, 40) || ' ' };
	return view(...resumedState(survey, draft));
}

/** The session an invitation code opens, or the code page (with what was wrong). */
async function invited(locals: App.Locals, survey: PublishedSurvey, typed: string) {
	const opened = await openWithCode(locals, survey, typed);
	if ('gate' in opened) return { ...newSession(survey), gate: opened.gate };
	return view(opened.state, opened.page);
}

/** The first view of a plain visit: a letter's link, a resume link, or a new session. */
async function firstView(locals: App.Locals, survey: PublishedSurvey, url: URL) {
	const code = url.searchParams.get('code');
	if (code !== null) return invited(locals, survey, code);
	const resumeCode = url.searchParams.get('resume');
	if (resumeCode !== null) return resume(locals, survey, resumeCode);
	if (survey.requiresCode && survey.accepting) {
		return { ...newSession(survey), gate: { reason: 'needed' as const } };
	}
	return newSession(survey);
}

export const load: PageServerLoad = async ({ locals, params, request, url }) => {
	const survey = await published(locals, params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	// After a form action the page shows the action's result: no draft to load again.
	return {
		survey,
		initial: request.method === 'POST' ? newSession(survey) : await firstView(locals, survey, url)
	};
};

/** The first page that has an error, so the resident lands where the problem is. */
function firstPageWithError(survey: PublishedSurvey, errors: FieldErrors, fallback: number) {
	const fields = Object.keys(errors).map((f) => f.split('.')[0]);
	const index = paginate(survey.definition).findIndex((p) =>
		p.questions.some((q) => fields.includes(q.key))
	);
	return index === -1 ? fallback : index;
}

export const actions: Actions = {
	default: async ({ cookies, locals, params, request }) => {
		const form = await formDataOf(request);
		if (!form) {
			// A body that is not a readable form (a broken upload): start again, as
			// for a form state that cannot be read.
			const survey = await published(locals, params.slug);
			if (!survey) error(404, { message: locals.t('survey.notFound') });
			const restart = survey.requiresCode
				? { gate: { reason: 'needed' as const } }
				: { restarted: true };
			return fail(400, { ...newSession(survey), ...restart });
		}
		// The first page's 「続きから回答する」 form (a POST, so it counts against the rate limit).
		const typed = form.get('resume');
		const typedCode = form.get('code');
		if (typeof typed === 'string' || typeof typedCode === 'string') {
			const current = await published(locals, params.slug);
			if (!current) error(404, { message: locals.t('survey.notFound') });
			if (typeof typedCode === 'string') {
				const opened = await invited(locals, current, typedCode);
				return opened.gate ? fail(opened.gate.reason === 'used' ? 409 : 400, opened) : opened;
			}
			const resumed = await resume(locals, current, typed as string);
			return resumed.resumeError ? fail(400, resumed) : resumed;
		}
		const state = decodeState(form.get('state'));
		// The version the session began with; usually the current one, which the
		// page's load reads too.
		const latest = await published(locals, params.slug);
		const fresh =
			!state?.v || state.v === latest?.versionId
				? latest
				: await published(locals, params.slug, state.v);
		if (!fresh) error(404, { message: locals.t('survey.notFound') });
		const survey = fresh;
		const codePage = () => ({ ...newSession(survey), gate: { reason: 'needed' as const } });
		if (!state && survey.requiresCode) return fail(400, codePage());
		if (!state) {
			const start = shownPages(survey.definition, {})[0] ?? 0;
			const restart = { k: randomUUID(), v: survey.versionId, a: {} };
			return fail(400, { ...view(restart, start), restarted: true });
		}
		if (!survey.accepting) return fail(409, { ...view(state, 0), closed: true });
		// A survey for the mailed sample only: no questions without a code.
		const gated = survey.requiresCode && !state.c;

		const def = survey.definition;
		const pages = paginate(def);
		const pageIndex = Number(form.get('page'));
		const page = Number.isInteger(pageIndex) ? pages[pageIndex] : undefined;
		if (!page)
			return fail(400, { ...view(state, shownPages(def, state.a)[0] ?? 0), restarted: true });

		// The header's language switch posts the answers so far (not this page's inputs).
		const language = form.get('lang');
		if (isLocale(language)) {
			switchLocale({ cookies, locals }, language);
			return gated ? codePage() : view(state, pageIndex);
		}
		if (gated) return fail(400, codePage());

		const answers: Answers = { ...state.a };
		for (const q of page.questions) delete answers[q.key];
		Object.assign(answers, readAnswers(page.questions, form));
		const current: FormState = { ...state, a: answers };

		if (form.get('nav') === 'back') {
			const previous = stepPage(def, answers, pageIndex, -1) ?? pageIndex;
			return view(
				await saveProgress(locals.backend.responses, survey, current, previous),
				previous
			);
		}
		const pageErrors = validatePage(def, page, answers);
		if (Object.keys(pageErrors).length) return fail(400, view(current, pageIndex, pageErrors));

		const kept: FormState = { ...state, a: pruneHidden(def, answers) };
		const next = stepPage(def, kept.a, pageIndex, 1);
		if (next !== null) {
			return view(await saveProgress(locals.backend.responses, survey, kept, next), next);
		}

		const errors = validateSubmission(def, kept.a);
		if (Object.keys(errors).length) {
			return fail(400, view(kept, firstPageWithError(survey, errors, pageIndex), errors));
		}
		const result = await locals.backend.responses.submit({
			surveyId: survey.id,
			versionId: survey.versionId,
			idempotencyKey: kept.k,
			answers: kept.a,
			language: locals.locale,
			code: kept.c ?? null
		});
		if (!result.ok && result.reason === 'closed') {
			return fail(409, { ...view(kept, pageIndex), closed: true });
		}
		if (!result.ok && result.reason !== 'invalid') {
			const gate: CodeGate =
				result.reason === 'code_required'
					? { reason: 'needed' }
					: { reason: result.reason === 'code_used' ? 'used' : 'unknown', typed: kept.c ?? '' };
			return fail(409, { ...view(kept, pageIndex), gate });
		}
		if (!result.ok) return fail(400, { ...view(kept, pageIndex), restarted: true });
		// Sent: the saved draft has served its purpose (and must not outlive the response).
		// A code's draft went with the response, in the same transaction.
		if (kept.r && !kept.c) {
			await locals.backend.responses.discardDraft(kept.r).catch((e: Error) => {
				console.error('discarding a draft failed:', e.message);
			});
		}
		redirect(303, `/s/${survey.slug}/thanks`);
	}
};
