/**
 * Save and resume: each page step saves the answers so far on the server under
 * the session's resume code; the code (or a link with it) brings them back later,
 * on any device. The draft holds no session key (`k`): a resumed session gets a
 * new one, so nothing joins a draft to the response it becomes.
 */
import { randomUUID } from 'node:crypto';
import { shownPages } from '$lib/domain/branching';
import type { Backend, Draft, PublishedSurvey } from '$lib/server/backend/types';
import type { FormState } from './form-state';

/** ABCDEFGHJKLM → ABCD-EFGH-JKLM: easier to read out and to copy from paper. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/**
 * Saves `state` to land on `page` and returns it with its code. A failed save
 * keeps the session going without one: the answers still travel in the form.
 */
export async function saveProgress(
	responses: Backend['responses'],
	survey: PublishedSurvey,
	state: FormState,
	page: number
): Promise<FormState> {
	try {
		const code = await responses.saveDraft({
			// a session opened with an invitation code saves under that code
			code: state.r ?? state.c ?? null,
			surveyId: survey.id,
			versionId: state.v,
			answers: state.a,
			page
		});
		return code ? { ...state, r: code } : state;
	} catch (error) {
		console.error('saving a draft failed:', (error as Error).message);
		return state;
	}
}

/**
 * A new session from a draft. A draft of an older version of the questionnaire
 * continues in the current one (question keys are stable; submit checks all
 * answers again) from its first page.
 */
export function resumedState(survey: PublishedSurvey, draft: Draft): [FormState, number] {
	const state: FormState = {
		k: randomUUID(),
		v: survey.versionId,
		a: draft.answers,
		r: draft.code
	};
	const shown = shownPages(survey.definition, draft.answers);
	const page =
		draft.versionId === survey.versionId && shown.includes(draft.page)
			? draft.page
			: (shown[0] ?? 0);
	return [state, page];
}
