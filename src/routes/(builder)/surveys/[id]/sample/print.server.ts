/** What the printing pages (letters, labels, postcards) load: the letters of a ?from=&to= range. */
import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { letterRange } from './printing';
import { editedSample } from './survey.server';

export async function printedLetters(locals: App.Locals, id: string, url: URL) {
	const { survey, summary } = await editedSample(locals, id);
	const range = letterRange(url.searchParams, summary.nextLetter - 1);
	if (!range) error(400, { message: locals.t('sample.print.badRange') });
	const letters =
		summary.letters > 0
			? await locals.backend.samples.letters(survey.id, range.from, range.to)
			: [];
	return {
		survey,
		summary,
		range,
		letters,
		/** codes remain but their letters' mailing details were deleted */
		forgotten: summary.codes > 0 && summary.letters === 0,
		surveyUrl: `${url.origin}/s/${encodeURIComponent(survey.slug)}`
	};
}

/** A QR code as inline SVG (no size of its own: the page's CSS gives it one). */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** Whether a letter has anything to print on an envelope, a label or a postcard. */
export const addressed = (l: {
	name: string | null;
	postalCode: string | null;
	address: string | null;
}) => Boolean(l.name || l.address);
