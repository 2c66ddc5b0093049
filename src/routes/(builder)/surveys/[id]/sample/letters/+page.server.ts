import { groupCode } from '$lib/domain/invitation-code';
import { deriveCode, qrUrl } from '$lib/server/samples/codes';
import { codeSecret } from '$lib/server/samples/secret';
import { printedLetters, qrSvg } from '../print.server';
import type { PageServerLoad } from './$types';

// A page to print, not to use: no JavaScript, and up to 2,000 letters' SVG not sent twice.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const printed = await printedLetters(locals, params.id, url);
	const { survey, summary } = printed;
	const secret = codeSecret();
	// Codes are derived from the letter number; SQL never sees them in plain text.
	const letters = secret
		? await Promise.all(
				printed.letters.map(async (l) => {
					const code = deriveCode(secret, survey.id, l.letterNo);
					return {
						letterNo: l.letterNo,
						name: l.name,
						postalCode: l.postalCode,
						address: l.address,
						code,
						grouped: groupCode(code),
						qr: await qrSvg(qrUrl(url.origin, survey.slug, code))
					};
				})
			)
		: [];
	return {
		survey,
		range: printed.range,
		forgotten: printed.forgotten,
		noSecret: secret === null,
		surveyUrl: printed.surveyUrl,
		letterText: summary.letterText,
		sender: summary.sender,
		letters
	};
};
