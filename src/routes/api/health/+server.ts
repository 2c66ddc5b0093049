import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const database = await locals.backend.health();
	return json(
		{ status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down' },
		{ status: database ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
