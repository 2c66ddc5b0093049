import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Supabase Auth's email templates link here with the token's hash.
const TOKEN_HASH = /^[0-9a-f]{56,64}$/;

/** Same-site paths only, as on the sign-in page. */
const safeNext = (raw: string | null) =>
	raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\')
		? raw
		: '/dashboard';

/**
 * Opening the link only shows a button: mail scanners that fetch every link in a
 * message would otherwise use up the one-time link before its owner clicks it.
 */
export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	if (!locals.auth.magicLinks) error(404, { message: locals.t('errors.notFound') });
	setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'no-store' });
	const tokenHash = url.searchParams.get('token_hash') ?? '';
	const type = url.searchParams.get('type');
	// A password-reset link continues on the reset page, which asks for the new password.
	if (type === 'recovery' && TOKEN_HASH.test(tokenHash)) redirect(303, `/reset/${tokenHash}`);
	if (!TOKEN_HASH.test(tokenHash)) redirect(303, '/signin?notice=linkInvalid');
};

export const actions: Actions = {
	default: async ({ locals, url }) => {
		const tokenHash = url.searchParams.get('token_hash') ?? '';
		const confirmed =
			locals.auth.magicLinks &&
			TOKEN_HASH.test(tokenHash) &&
			(await locals.auth.confirmMagicLink(tokenHash));
		redirect(
			303,
			confirmed ? safeNext(url.searchParams.get('next')) : '/signin?notice=linkInvalid'
		);
	}
};
