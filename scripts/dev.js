// npm run dev: the same database start-up as `npm start`, then Vite's dev server
// with hot reload instead of the production build.
import { spawn } from 'node:child_process';
import { ensureCodeSecret } from './lib/code-secret.js';
import { dataDirectory, openDatabase } from './lib/database.js';
import { migrate } from './lib/migrate.js';
import { seedDemoIfEmpty } from './lib/seed.js';

const log = (/** @type {string} */ line) => console.log(line);
const db = await openDatabase({ log });
await migrate(db.ownerUrl, { log });
if (process.env.KOE_NO_DEMO !== '1') await seedDemoIfEmpty(db.ownerUrl, { log });

const vite = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'dev', ...process.argv.slice(2)],
	{
		stdio: 'inherit',
		env: {
			...process.env,
			KOE_APP_DATABASE_URL: db.appUrl,
			KOE_CODE_SECRET: ensureCodeSecret(db.dataDir ?? dataDirectory())
		}
	}
);
const stop = () => vite.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => {
	void db.stop().finally(() => process.exit(code ?? 0));
});
