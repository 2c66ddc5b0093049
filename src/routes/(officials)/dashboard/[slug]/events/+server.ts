import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Server-sent events: "this survey changed". The event carries no data; the
 * dashboard refetches through its load, where row-level security applies.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	if (!locals.user) error(401, { message: locals.t('errors.signinRequired') });
	const survey = await locals.backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });

	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const close = () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			// A broken feed closes the stream: the browser reconnects (retry below).
			const unsubscribe = await locals.live.watch(
				survey.id,
				() => send('event: responses\ndata: changed\n\n'),
				close
			);
			const keepAlive = setInterval(() => send(': keep-alive\n\n'), 15_000);
			cleanup = () => {
				clearInterval(keepAlive);
				unsubscribe();
			};
			request.signal.addEventListener('abort', close);
			send('retry: 2000\nevent: ready\ndata: ok\n\n');
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
