/** SvelteKit's cookie API over a plain map, to run request code outside a server in tests. */
import type { Cookies } from '@sveltejs/kit';

export interface CookieJar extends Cookies {
	/** the options each cookie was last set with */
	options: Map<string, Parameters<Cookies['set']>[2]>;
}

export function cookieJar(initial: Record<string, string> = {}): CookieJar {
	const values = new Map(Object.entries(initial));
	const options: CookieJar['options'] = new Map();
	return {
		options,
		get: (name) => values.get(name),
		getAll: () => [...values].map(([name, value]) => ({ name, value })),
		set(name, value, opts) {
			if (opts.maxAge === 0 || value === '') values.delete(name);
			else values.set(name, value);
			options.set(name, opts);
		},
		delete(name) {
			values.delete(name);
		},
		serialize: (name, value) => `${name}=${encodeURIComponent(value)}`
	};
}
