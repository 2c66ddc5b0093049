// The bench's embedded database (started by scripts/start.js in the data folder
// bench/run.js gives it): its connection strings, read from the folder.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { appDatabaseUrl } from '../../src/lib/server/db/app-url.js';

/**
 * @param {string} dataDir
 * @returns {{ ownerUrl: string, appUrl: string }} the owner's (migrations) and the app's (authenticator) connection strings
 */
export function benchDatabase(dataDir) {
	/** @type {unknown} */
	const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, 'cluster.json'), 'utf8'));
	const config = /** @type {{ password: string, port: number }} */ (parsed);
	const ownerUrl = `postgres://postgres:${config.password}@127.0.0.1:${config.port}/postgres`;
	return { ownerUrl, appUrl: appDatabaseUrl(ownerUrl, {}) };
}

/**
 * The published survey with this slug, as the owner sees it.
 * @param {pg.Client} owner
 * @param {string} slug
 */
export async function publishedSurvey(owner, slug) {
	/** @type {{ rows: { id: string, version_id: string }[] }} */
	const { rows } = await owner.query(
		'select id, published_version_id as version_id from public.surveys where slug = $1',
		[slug]
	);
	if (!rows[0]?.version_id) throw new Error(`no published survey ${slug}`);
	return { surveyId: rows[0].id, versionId: rows[0].version_id };
}

/** @param {string} url */
export async function connect(url) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return client;
}
