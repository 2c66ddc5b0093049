import { addressed, printedLetters, qrSvg } from '../print.server';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const printed = await printedLetters(locals, params.id, url);
	const postcards = printed.letters.filter(addressed).map((l) => ({
		letterNo: l.letterNo,
		name: l.name,
		postalCode: l.postalCode,
		address: l.address
	}));
	return {
		survey: printed.survey,
		range: printed.range,
		forgotten: printed.forgotten,
		reminderText: printed.summary.reminderText,
		sender: printed.summary.sender,
		surveyUrl: printed.surveyUrl,
		// The same for everyone: the survey's page, where the letter's code is typed.
		qr: postcards.length > 0 ? await qrSvg(printed.surveyUrl) : '',
		postcards
	};
};
