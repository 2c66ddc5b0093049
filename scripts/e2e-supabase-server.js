// Koe in the Supabase mode for the browser tests: the production build with
// PUBLIC_SUPABASE_URL pointing at a stand-in for a Supabase project's API
// (src/lib/server/testing/supabase: PostgREST's /rpc and Supabase Auth, answered
// by the real SQL of a fresh embedded database with the demo). Run with vite-node;
// prints "ready <url>" once the server answers, and cleans up on SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fakeSupabase } from '../src/lib/server/testing/supabase/index';
import { startEmbedded } from './lib/database.js';
import { migrate } from './lib/migrate.js';
import { seedDemoIfEmpty } from './lib/seed.js';
import { appDatabaseUrl } from '../src/lib/server/db/app-url.js';

const port = Number(process.env.PORT ?? 4175);
const origin = `http://127.0.0.1:${port}`;
const quiet = () => {};

if (!fs.existsSync('build/index.js')) {
	console.error('no production build: run `npm run build` first');
	process.exit(1);
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-e2e-supabase-'));
const db = await startEmbedded({ dataDir, port: 55500, log: quiet });
await migrate(db.ownerUrl, { log: quiet });
await seedDemoIfEmpty(db.ownerUrl, { log: quiet });
const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 4 });
const app = new pg.Pool({ connectionString: appDatabaseUrl(db.ownerUrl, {}), max: 20 });
const project = fakeSupabase({ app, owner });
const api = await project.listen();

const server = spawn(process.execPath, ['build/index.js'], {
	stdio: ['ignore', 'ignore', 'inherit'],
	env: {
		...process.env,
		DATABASE_URL: '',
		KOE_APP_DATABASE_URL: '',
		PUBLIC_SUPABASE_URL: api.url,
		PUBLIC_SUPABASE_ANON_KEY: project.anonKey,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		SHUTDOWN_TIMEOUT: '1',
		KOE_SIGNIN_RATE_LIMIT: '1000',
		KOE_CODE_SECRET: 'e2e-supabase-invitation-codes'
	}
});

async function stop() {
	server.kill('SIGTERM');
	await api.close().catch(quiet);
	await Promise.all([owner.end(), app.end()]).catch(quiet);
	await db.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
	process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
server.on('exit', () => void stop());

for (let i = 0; i < 100; i++) {
	const ok = await fetch(`${origin}/api/health`).then(
		(r) => r.ok,
		() => false
	);
	if (ok) break;
	await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log(`ready ${origin}`);
