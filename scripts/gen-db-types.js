// npm run db:types: writes src/lib/database.types.ts from supabase/migrations.
// The types come from a scratch database that holds the migrations and nothing
// else, so they do not depend on the state of anyone's .koe/ data (running
// from `npm start` or not) and match what the test run's template database
// produces. Without DATABASE_URL the scratch database lives in a throwaway
// embedded cluster; with it, on that server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from './lib/database.js';
import { generateDatabaseTypes, typesFile } from './lib/db-types.js';
import { migrate } from './lib/migrate.js';
import { queryOnce } from './lib/query.js';

const log = (/** @type {string} */ line) => console.log(line);

/** @param {string} url @param {string} database */
function withDatabase(url, database) {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

/** @param {string} ownerUrl */
async function typesOf(ownerUrl) {
	await migrate(ownerUrl);
	const client = new pg.Client({ connectionString: ownerUrl });
	await client.connect();
	try {
		return await generateDatabaseTypes(client);
	} finally {
		await client.end();
	}
}

/** @param {string} serverUrl */
async function typesFromScratchDatabase(serverUrl) {
	const name = `koe_types_${randomBytes(6).toString('hex')}`;
	try {
		await queryOnce(serverUrl, `create database ${name}`);
	} catch (error) {
		if (/** @type {{ code?: string }} */ (error).code !== '42501') throw error;
		log('No permission to create a scratch database: using the DATABASE_URL database itself');
		return typesOf(serverUrl);
	}
	try {
		return await typesOf(withDatabase(serverUrl, name));
	} finally {
		await queryOnce(serverUrl, `drop database if exists ${name} with (force)`);
	}
}

async function generate() {
	if (process.env.DATABASE_URL) return typesFromScratchDatabase(process.env.DATABASE_URL);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-types-'));
	try {
		const db = await startEmbedded({ dataDir, port: 55329, log });
		try {
			return await typesFromScratchDatabase(db.ownerUrl);
		} finally {
			await db.stop();
		}
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

const types = await generate();
const relative = path.relative(process.cwd(), typesFile);
if (fs.existsSync(typesFile) && fs.readFileSync(typesFile, 'utf8') === types) {
	log(`${relative} is up to date`);
} else {
	fs.writeFileSync(typesFile, types);
	log(`wrote ${relative}`);
}
