/**
 * A posted paper sheet: the typed fields, the sheet's invitation code and its
 * number (整理番号), checked before the database is asked, and the database's
 * refusals turned into what the form says where.
 */
import { codeProblem, normalizeCode, type CodeProblem } from '$lib/domain/invitation-code';
import type { PaperError } from '$lib/domain/paper-entry';
import { paperFields } from '$lib/domain/paper-entry';
import type { Definition } from '$lib/domain/questionnaire';
import type { PaperRefusal } from '$lib/server/backend/sample-types';
import { inputName } from './paper-form';

/** What was typed, as typed (blank fields left out), to show again. */
export interface TypedSheet {
	code: string;
	sheet: string;
	fields: Record<string, string>;
}

export type CodeError = CodeProblem | 'unknown' | 'used' | 'mismatch';
export type SheetError = 'required' | 'tooLong';
export type SheetProblem = Extract<
	PaperRefusal,
	'same_keyer' | 'in_review' | 'invalid' | 'entry_gone'
>;

/** Why a sheet was not stored: keystroke errors, a wrong code or number, or a refusal. */
export interface EntryFailure {
	typed: TypedSheet;
	fieldErrors: Record<string, PaperError>;
	codeError?: CodeError;
	sheetError?: SheetError;
	problem?: SheetProblem;
}

/** Longer than any field may be (text: 4,000): the rest is not read. */
const MAX_TYPED = 10_000;
const SHEET_MAX = 40;

const text = (value: FormDataEntryValue | null, max = MAX_TYPED) =>
	typeof value === 'string' ? value.slice(0, max) : '';

export function typedSheet(form: FormData, def: Definition): TypedSheet {
	const fields: Record<string, string> = {};
	for (const { name } of paperFields(def)) {
		const value = text(form.get(inputName(name)));
		if (value.trim() !== '') fields[name] = value;
	}
	return { code: text(form.get('code'), 100), sheet: text(form.get('sheet'), 100), fields };
}

/** The typed code in its canonical form, null when blank, or why it cannot be a code. */
export function sheetCode(
	typed: string,
	required = false
): { code: string | null; error?: CodeError } {
	if (typed.trim() === '') return required ? { code: null, error: 'empty' } : { code: null };
	const problem = codeProblem(typed);
	return problem ? { code: null, error: problem } : { code: normalizeCode(typed) };
}

/**
 * The sheet number, written alike however typed (two clerks key the same sheet:
 * `ｐ-１７` and `P-17` must meet), or null when blank.
 */
export function sheetNumber(
	typed: string,
	required: boolean
): { sheet: string | null; error?: SheetError } {
	const sheet = typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
	if (sheet === '') return required ? { sheet: null, error: 'required' } : { sheet: null };
	return [...sheet].length > SHEET_MAX ? { sheet: null, error: 'tooLong' } : { sheet };
}

/** Where the form shows a refusal of the database. */
export function refusalErrors(
	reason: PaperRefusal
): Pick<EntryFailure, 'codeError' | 'sheetError' | 'problem'> {
	switch (reason) {
		case 'code_unknown':
			return { codeError: 'unknown' };
		case 'code_used':
			return { codeError: 'used' };
		case 'sheet_required':
			return { sheetError: 'required' };
		default:
			return { problem: reason };
	}
}
