import pg from 'pg';
import { env } from '$env/dynamic/private';
import { appDatabaseUrl } from './app-url.js';

/** The connection string requests use (the authenticator role, never the owner). */
export function requestDatabaseUrl(): string {
	if (env.KOE_APP_DATABASE_URL) return env.KOE_APP_DATABASE_URL;
	if (env.DATABASE_URL) return appDatabaseUrl(env.DATABASE_URL, env);
	throw new Error('No database configured: start Koe with `npm start`, or set DATABASE_URL');
}

// One pool per process: connections are shared, request state never is (each
// request runs in its own transaction with its own role and claims).
let pool: pg.Pool | undefined;

export function getPool(): pg.Pool {
	if (pool) return pool;
	pool = new pg.Pool({
		connectionString: requestDatabaseUrl(),
		max: Number(env.KOE_DB_POOL_SIZE || 20),
		idleTimeoutMillis: 30_000,
		connectionTimeoutMillis: 5_000
	});
	// An idle connection that the server drops (a restart, a shutdown) is not a
	// reason to crash: the pool replaces it on the next request.
	pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
	const current = pool;
	process.once('sveltekit:shutdown', () => void current.end());
	return pool;
}
