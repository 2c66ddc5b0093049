/** A comment received on paper, by fax, email or at the counter, as staff key it in. */
import { z } from 'zod';

const text = (max: number) =>
	z
		.string()
		.default('')
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => [...s].length <= max);

export const entryForm = z.object({
	channel: z.enum(['paper', 'fax', 'email', 'counter']),
	received_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	section: z
		.union([z.literal(''), z.uuid()])
		.default('')
		.transform((v) => v || null),
	body: text(8000).refine((s) => s !== ''),
	name: text(100).transform((s) => s || null),
	address: text(300).transform((s) => s || null),
	consent: z
		.string()
		.optional()
		.transform((v) => v !== undefined)
});
export const ENTRY_FIELDS = [
	'channel',
	'received_on',
	'section',
	'body',
	'name',
	'address'
] as const;
