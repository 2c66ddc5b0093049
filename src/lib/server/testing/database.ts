/** A fresh, migrated database per test file, cloned from the run's template. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { appDatabaseUrl } from '../db/app-url.js';
import { TEMPLATE, withDatabase } from './global-setup';

export interface TestDatabase {
	/** Connected as the owner: for arranging data and checking it, never for the app's path. */
	owner: pg.Pool;
	/** Connected as the authenticator role, like the app. */
	app: pg.Pool;
	ownerUrl: string;
	drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
	const serverUrl = inject('ownerUrl');
	const name = `koe_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`create database ${name} template ${TEMPLATE}`);
	await admin.end();
	const ownerUrl = withDatabase(serverUrl, name);
	const owner = new pg.Pool({ connectionString: ownerUrl, max: 4 });
	const app = new pg.Pool({ connectionString: appDatabaseUrl(ownerUrl, {}), max: 40 });
	// Dropping the database ends connections a failed test left checked out; that
	// is expected, not a second failure.
	for (const pool of [owner, app]) pool.on('error', () => {});
	return {
		owner,
		app,
		ownerUrl,
		async drop() {
			await app.end();
			await owner.end();
			const c = new pg.Client({ connectionString: serverUrl });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}
