import { error } from '@sveltejs/kit';
import { resultFiles } from './result-files';
import { rawFiles } from './raw-files';
import type { RequestHandler } from './$types';

const files = { ...resultFiles, ...rawFiles };

/** /dashboard/<slug>/export/<file>: each file reads with the caller's rights, in SQL. */
export const GET: RequestHandler = async (event) => {
	const make = Object.hasOwn(files, event.params.file)
		? files[event.params.file as keyof typeof files]
		: undefined;
	if (!make) error(404, { message: event.locals.t('errors.notFound') });
	return make(event);
};
