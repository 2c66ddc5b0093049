/**
 * The Supabase mode's live feed: Supabase Realtime broadcasts each response on
 * the private channel `survey:<id>` (a trigger in SQL); joining it is authorised
 * by the RLS policy on realtime.messages, with the signed-in user's token.
 */
import { REALTIME_SUBSCRIBE_STATES, type SupabaseClient } from '@supabase/supabase-js';
import type { Live } from '../live';

const COALESCE_MS = 100;

export function realtimeLive(client: SupabaseClient): Live {
	return {
		async watch(surveyId, changed, lost) {
			const { data } = await client.auth.getSession();
			// Private channels check the user's token; without one Realtime refuses.
			await client.realtime.setAuth(data.session?.access_token ?? null);
			let timer: ReturnType<typeof setTimeout> | null = null;
			let stopped = false;
			const channel = client
				.channel(`survey:${surveyId}`, { config: { private: true } })
				.on('broadcast', { event: 'response' }, () => {
					timer ??= setTimeout(() => {
						timer = null;
						changed();
					}, COALESCE_MS);
				});
			await new Promise<void>((joined, refused) => {
				channel.subscribe((status, error) => {
					if (stopped) return;
					if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED) joined();
					else {
						stopped = true;
						void client.removeChannel(channel);
						refused(error ?? new Error(`realtime channel ${status.toLowerCase()}`));
						lost();
					}
				});
			});
			return () => {
				if (stopped) return;
				stopped = true;
				if (timer) clearTimeout(timer);
				void client.removeChannel(channel);
			};
		}
	};
}
