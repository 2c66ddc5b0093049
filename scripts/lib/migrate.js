// Applies the SQL-mode bootstrap and then supabase/migrations, each file once,
// in name order, recorded in koe_private.schema_migrations.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { authenticatorPassword } from '../../src/lib/server/db/app-url.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bootstrapDir = path.join(root, 'supabase/sql-mode');
export const migrationsDir = path.join(root, 'supabase/migrations');

/** @param {string} dir */
function sqlFiles(dir) {
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.sql'))
		.sort()
		.map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/**
 * @param {string} ownerUrl a connection string for the database owner
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string[]>} the names of the files applied now
 */
export async function migrate(ownerUrl, options = {}) {
	const log = options.log ?? (() => {});
	const client = new pg.Client({ connectionString: ownerUrl });
	await client.connect();
	try {
		// Two processes starting at once must not both apply the same file.
		await client.query("select pg_advisory_lock(hashtext('koe-migrate'))");
		await client.query('set client_min_messages = warning');
		await client.query(`
			create schema if not exists koe_private;
			revoke all on schema koe_private from public;
			create table if not exists koe_private.schema_migrations (
				name text primary key,
				checksum text not null,
				applied_at timestamptz not null default now()
			)`);
		/** @type {pg.QueryResult<{ name: string, checksum: string }>} */
		const { rows } = await client.query('select name, checksum from koe_private.schema_migrations');
		const done = new Map(rows.map((row) => [row.name, row.checksum]));
		const files = [
			...sqlFiles(bootstrapDir).map((f) => ({ ...f, name: `sql-mode/${f.name}` })),
			...sqlFiles(migrationsDir)
		];
		const applied = [];
		for (const file of files) {
			const checksum = createHash('sha256').update(file.sql).digest('hex');
			if (done.has(file.name)) {
				if (done.get(file.name) !== checksum) {
					log(`warning: ${file.name} changed after it was applied; it is not applied again`);
				}
				continue;
			}
			await client.query('begin');
			try {
				await client.query(file.sql);
				await client.query(
					'insert into koe_private.schema_migrations (name, checksum) values ($1, $2)',
					[file.name, checksum]
				);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback');
				throw new Error(`migration ${file.name} failed: ${/** @type {Error} */ (error).message}`);
			}
			applied.push(file.name);
			log(`applied ${file.name}`);
		}
		const password = authenticatorPassword(ownerUrl).replaceAll("'", "''");
		await client.query(`alter role authenticator with login password '${password}'`);
		return applied;
	} finally {
		await client.query("select pg_advisory_unlock(hashtext('koe-migrate'))").catch(() => {});
		await client.end();
	}
}
