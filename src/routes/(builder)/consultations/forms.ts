/**
 * The consultation editor's forms as zod schemas: checked here with field
 * messages, and again by the database's constraints and functions.
 */
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) =>
	z
		.string()
		.default('')
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => [...s].length <= max);
const ask = z.enum(['none', 'optional', 'required']);

export const settingsForm = z
	.object({
		slug: z
			.string()
			.trim()
			.regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
		title: text(200).refine((s) => s !== ''),
		summary: text(4000),
		pdf_url: z
			.string()
			.trim()
			.max(500)
			.regex(/^(https?:\/\/\S+)?$/)
			.default(''),
		opens_on: z.string().regex(DAY),
		closes_on: z.string().regex(DAY),
		ask_name: ask.default('optional'),
		ask_address: ask.default('optional')
	})
	.refine((f) => f.closes_on >= f.opens_on, { path: ['closes_on'] });
export type SettingsField = keyof z.input<typeof settingsForm>;
export const SETTINGS_FIELDS = [
	'slug',
	'title',
	'summary',
	'pdf_url',
	'opens_on',
	'closes_on',
	'ask_name',
	'ask_address'
] as const satisfies readonly SettingsField[];
