/**
 * Opening a survey with an invitation code from a mailed letter: typed on the
 * code page or carried by the letter's QR link (?code=). The code is both the
 * session's ticket (it gives the response its stratum, once) and its resume
 * code: the answers so far are saved under it, so typing it again continues.
 */
import { randomUUID } from 'node:crypto';
import { codeProblem, normalizeCode, type CodeProblem } from '$lib/domain/invitation-code';
import { shownPages } from '$lib/domain/branching';
import type { PublishedSurvey } from '$lib/server/backend/types';
import type { FormState } from './form-state';
import { resumedState } from './resume';

/** Why the code page is shown: no code yet, or what was wrong with the one given. */
export type CodeGate =
	{ reason: 'needed' } | { reason: CodeProblem | 'unknown' | 'used'; typed: string };

export type Opened = { gate: CodeGate } | { state: FormState; page: number };

/** The session a code opens, or the code page with what went wrong. */
export async function openWithCode(
	locals: App.Locals,
	survey: PublishedSurvey,
	typed: string
): Promise<Opened> {
	const shown = typed.slice(0, 40);
	const problem = codeProblem(typed);
	if (problem) return { gate: { reason: problem, typed: shown } };
	const code = normalizeCode(typed);
	const status = await locals.backend.samples.codeStatus(survey.id, code);
	if (status !== 'ok') return { gate: { reason: status, typed: shown } };
	const draft = survey.accepting ? await locals.backend.responses.loadDraft(code, survey.id) : null;
	if (draft) {
		const [state, page] = resumedState(survey, draft);
		return { state: { ...state, c: code }, page };
	}
	const state: FormState = { k: randomUUID(), v: survey.versionId, a: {}, c: code };
	return { state, page: shownPages(survey.definition, {})[0] ?? 0 };
}
