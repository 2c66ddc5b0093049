import { RpcError, type Transports } from '$lib/server/rpc/types';
import type {
	AgeRange,
	CodeStatus,
	PaperApi,
	PaperMismatch,
	PaperRefusal,
	PaperResult,
	ResponseRateRow,
	SampleImportResult,
	SamplesApi,
	SampleSummary
} from '../sample-types';

interface SummaryRow {
	codes: number;
	used: number;
	letters: number;
	addressed: number;
	next_letter: number;
	requires_code: boolean;
	double_entry: boolean;
	paper_too_many: SampleSummary['paperTooMany'];
	letter_text: string;
	reminder_text: string;
	sender: string;
	age_ranges: AgeRange[];
}

const nullableNumber = (n: number | string | null) => (n === null ? null : Number(n));

export function samplesOf({ caller, anon }: Transports): SamplesApi {
	return {
		summary: async (surveyId) => {
			const row = await caller<SummaryRow | null>('sample_summary', { p_survey_id: surveyId });
			if (!row) return null;
			return {
				codes: Number(row.codes),
				used: Number(row.used),
				letters: Number(row.letters),
				addressed: Number(row.addressed),
				nextLetter: Number(row.next_letter),
				requiresCode: row.requires_code,
				doubleEntry: row.double_entry,
				paperTooMany: row.paper_too_many,
				letterText: row.letter_text,
				reminderText: row.reminder_text,
				sender: row.sender,
				ageRanges: row.age_ranges
			};
		},
		saveSettings: async (surveyId, s) => {
			await caller('sample_settings_save', {
				p_survey_id: surveyId,
				p_requires_code: s.requiresCode,
				p_double_entry: s.doubleEntry,
				p_paper_too_many: s.paperTooMany,
				p_letter_text: s.letterText,
				p_reminder_text: s.reminderText,
				p_sender: s.sender
			});
		},
		import: (surveyId, firstLetter, rows) =>
			caller<SampleImportResult>('sample_import', {
				p_survey_id: surveyId,
				p_first_letter: firstLetter,
				p_rows: rows
			}).catch((error: unknown) => {
				if (error instanceof RpcError && error.hint === 'sample_changed') {
					return { ok: false, changed: true } as const;
				}
				throw error;
			}),
		letters: async (surveyId, from, to) => {
			const rows = await caller<
				{
					letter_no: number;
					district: string;
					age_group: string;
					name: string | null;
					postal_code: string | null;
					address: string | null;
				}[]
			>('sample_letters_list', { p_survey_id: surveyId, p_from: from, p_to: to });
			return rows.map((r) => ({
				letterNo: r.letter_no,
				district: r.district,
				ageGroup: r.age_group,
				name: r.name,
				postalCode: r.postal_code,
				address: r.address
			}));
		},
		forgetMailing: (surveyId) => caller<number>('sample_forget_mailing', { p_survey_id: surveyId }),
		responseRate: async (surveyId) => {
			const rows = await caller<ResponseRateRow[]>('results_response_rate', {
				p_survey_id: surveyId
			});
			return rows.map((r) => ({
				...r,
				sampled: Number(r.sampled),
				responded: nullableNumber(r.responded),
				web: nullableNumber(r.web),
				paper: nullableNumber(r.paper)
			}));
		},
		codeStatus: (surveyId, code) =>
			anon<CodeStatus>('invitation_code_status', {
				p_survey_id: surveyId,
				p_code: code.slice(0, 100)
			})
	};
}

const REFUSALS: PaperRefusal[] = [
	'code_unknown',
	'code_used',
	'same_keyer',
	'sheet_required',
	'in_review',
	'entry_gone'
];

/** A refusal SQL names (hint) or an invalid answer (22023) as a result; anything else is thrown. */
function refusal(error: unknown): PaperResult {
	if (error instanceof RpcError) {
		const hint = REFUSALS.find((r) => r === error.hint);
		if (hint) return { ok: false, reason: hint };
		if (error.code === '22023' || error.code === '22P02') return { ok: false, reason: 'invalid' };
	}
	throw error;
}

export function paperOf({ caller }: Transports): PaperApi {
	return {
		settings: async (surveyId) => {
			const row = await caller<{
				double_entry: boolean;
				too_many: 'first' | 'invalid';
				requires_code: boolean;
			} | null>('paper_settings', { p_survey_id: surveyId });
			return row
				? { doubleEntry: row.double_entry, tooMany: row.too_many, requiresCode: row.requires_code }
				: null;
		},
		submit: (input) =>
			caller<{ status: 'saved' | 'first' | 'mismatch' | 'duplicate' }>('paper_submit', {
				p_survey_id: input.surveyId,
				p_version_id: input.versionId,
				p_idempotency_key: input.idempotencyKey,
				p_answers: input.answers,
				p_code: input.code,
				p_sheet: input.sheet,
				p_fields: input.fields
			}).then((r): PaperResult => ({ ok: true, status: r.status }), refusal),
		mismatches: async (surveyId) => {
			const rows = await caller<
				{
					sheet_label: string;
					entries: {
						id: string;
						version_id: string;
						answers: PaperMismatch['entries'][number]['answers'];
						fields: Record<string, string>;
						mine: boolean;
					}[];
				}[]
			>('paper_mismatches', { p_survey_id: surveyId });
			return rows.map((r) => ({
				sheetLabel: r.sheet_label,
				entries: r.entries.map((e) => ({
					id: e.id,
					versionId: e.version_id,
					answers: e.answers,
					fields: e.fields,
					mine: e.mine
				}))
			}));
		},
		waiting: async (surveyId) =>
			Number(await caller<number>('paper_waiting', { p_survey_id: surveyId })),
		resolve: (entryId, answers, code) =>
			caller<{ status: 'saved' }>('paper_resolve', {
				p_entry_id: entryId,
				p_answers: answers,
				p_code: code
			}).then((r): PaperResult => ({ ok: true, status: r.status }), refusal)
	};
}
