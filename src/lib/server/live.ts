/**
 * One LISTEN connection per process fans database notifications out to every
 * open dashboard, so a hundred open dashboards cost one connection, not a hundred.
 * Notifications are coalesced for a moment: a burst of submissions becomes one
 * refresh per survey.
 */
import pg from 'pg';
import { requestDatabaseUrl } from './db/pool';

type Listener = (surveyId: string) => void;

/** How the dashboards' event stream learns that a survey got responses, in each mode. */
export interface Live {
	/**
	 * Calls `changed` after responses to the survey arrive (coalesced), and `lost`
	 * if the feed breaks for good; returns the way to stop.
	 */
	watch(surveyId: string, changed: () => void, lost: () => void): Promise<() => void>;
}

const COALESCE_MS = 100;

class LiveHub {
	#listeners = new Set<Listener>();
	#client: pg.Client | null = null;
	#connecting: Promise<void> | null = null;
	#pending = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | null = null;

	async subscribe(listener: Listener): Promise<() => void> {
		this.#listeners.add(listener);
		await this.#connect();
		return () => this.#listeners.delete(listener);
	}

	#connect(): Promise<void> {
		if (this.#client) return Promise.resolve();
		this.#connecting ??= (async () => {
			const client = new pg.Client({ connectionString: requestDatabaseUrl() });
			client.on('notification', (message) => {
				if (message.payload) this.#queue(message.payload);
			});
			client.on('error', () => this.#drop(client));
			client.on('end', () => this.#drop(client));
			await client.connect();
			await client.query('listen koe_responses');
			this.#client = client;
		})().finally(() => {
			this.#connecting = null;
		});
		return this.#connecting;
	}

	#drop(client: pg.Client) {
		if (this.#client !== client) return;
		this.#client = null;
		// Reconnect while someone is watching, so dashboards keep updating.
		if (this.#listeners.size) setTimeout(() => void this.#connect().catch(() => {}), 1000);
	}

	#queue(surveyId: string) {
		this.#pending.add(surveyId);
		if (this.#timer) return;
		this.#timer = setTimeout(() => {
			const ids = [...this.#pending];
			this.#pending.clear();
			this.#timer = null;
			for (const id of ids) for (const listener of this.#listeners) listener(id);
		}, COALESCE_MS);
	}
}

export const liveHub = new LiveHub();

/** The SQL modes: the process's one LISTEN connection (it reconnects by itself). */
export const hubLive: Live = {
	watch: (surveyId, changed) => liveHub.subscribe((id) => id === surveyId && changed())
};
