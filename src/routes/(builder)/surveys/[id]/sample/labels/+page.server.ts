import { addressed, printedLetters } from '../print.server';
import { LABELS_PER_SHEET, sheets } from '../printing';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const printed = await printedLetters(locals, params.id, url);
	const labels = printed.letters.filter(addressed).map((l) => ({
		letterNo: l.letterNo,
		name: l.name,
		postalCode: l.postalCode,
		address: l.address
	}));
	return {
		survey: printed.survey,
		range: printed.range,
		forgotten: printed.forgotten,
		count: labels.length,
		sheets: sheets(labels, LABELS_PER_SHEET)
	};
};
