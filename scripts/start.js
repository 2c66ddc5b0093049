// npm start: the database (embedded unless DATABASE_URL is set), migrations,
// the demo on an empty database, then the production server.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from './lib/build.js';
import { openDatabase } from './lib/database.js';
import { migrate } from './lib/migrate.js';
import { demoAccounts, seedDemoIfEmpty } from './lib/seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (/** @type {string} */ line) => console.log(line);

ensureBuild(log);
const db = await openDatabase({ log });
if (db.embedded) log(`Data: embedded PostgreSQL in ${db.dataDir} (set KOE_DATA_DIR to move it)`);
else log('Data: the PostgreSQL server at DATABASE_URL');

await migrate(db.ownerUrl, { log });
const seeded =
	process.env.KOE_NO_DEMO === '1' ? false : await seedDemoIfEmpty(db.ownerUrl, { log });
if (seeded) {
	log('Demo accounts (password for all: as shown):');
	for (const account of demoAccounts)
		log(`  ${account.role.padEnd(10)} ${account.email}  ${account.password}`);
}

process.env.KOE_APP_DATABASE_URL = db.appUrl;
// Open dashboards hold event streams; do not wait 30 s for them on shutdown.
process.env.SHUTDOWN_TIMEOUT ??= '2';
process.once('sveltekit:shutdown', () => {
	void db.stop().finally(() => process.exit(0));
});

await import(pathToFileURL(path.join(root, 'build/index.js')).href);
const port = process.env.PORT || '3000';
log(`Koe is running at http://localhost:${port}/`);
