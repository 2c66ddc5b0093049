/**
 * One PostgreSQL cluster for the whole unit/database test run: embedded in a
 * temporary folder, or the server in DATABASE_URL. Migrations run once into a
 * template database; each test file clones it (CREATE DATABASE … TEMPLATE),
 * which takes milliseconds and keeps files isolated from each other.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../../../scripts/lib/database.js';
import { migrate } from '../../../../scripts/lib/migrate.js';

export const TEMPLATE = 'koe_test_template';

declare module 'vitest' {
	export interface ProvidedContext {
		ownerUrl: string;
	}
}

/** The same server's connection string for another database. */
export function withDatabase(url: string, database: string) {
	const u = new URL(url);
	u.pathname = `/${database}`;
	return u.toString();
}

export default async function setup(project: TestProject) {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-test-'));
	const db = process.env.DATABASE_URL
		? { ownerUrl: process.env.DATABASE_URL, stop: async () => {} }
		: await startEmbedded({ dataDir, port: 55432, log: () => {} });

	const admin = new pg.Client({ connectionString: db.ownerUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
	await admin.query(`create database ${TEMPLATE}`);
	await admin.end();
	await migrate(withDatabase(db.ownerUrl, TEMPLATE));
	project.provide('ownerUrl', db.ownerUrl);

	return async () => {
		await db.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}
