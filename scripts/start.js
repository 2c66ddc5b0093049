// npm start: the database (embedded unless DATABASE_URL is set), migrations,
// the demo on an empty database, then the production server.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuild } from './lib/build.js';
import { ensureCodeSecret } from './lib/code-secret.js';
import { dataDirectory, openDatabase } from './lib/database.js';
import { migrate } from './lib/migrate.js';
import { demoAccounts, demoIsPresent, seedDemoIfEmpty } from './lib/seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (/** @type {string} */ line) => console.log(line);

ensureBuild(log);
const db = await openDatabase({ log });
if (db.embedded) log(`Data: embedded PostgreSQL in ${db.dataDir} (set KOE_DATA_DIR to move it)`);
else log('Data: the PostgreSQL server at DATABASE_URL');

await migrate(db.ownerUrl, { log });
if (process.env.KOE_NO_DEMO !== '1') await seedDemoIfEmpty(db.ownerUrl, { log });
if (await demoIsPresent(db.ownerUrl)) {
	log('Demo accounts:');
	for (const account of demoAccounts) {
		log(`  ${account.role.padEnd(10)} ${account.email.padEnd(26)} ${account.password}`);
	}
}

process.env.KOE_APP_DATABASE_URL = db.appUrl;
process.env.KOE_CODE_SECRET = ensureCodeSecret(db.dataDir ?? dataDirectory());
const port = (process.env.PORT ??= '3000');
// adapter-node assumes https unless told the site's origin; locally it is plain
// http. Behind a proxy, set ORIGIN to the public address.
process.env.ORIGIN ??= `http://localhost:${port}`;
// Open dashboards hold event streams; do not wait 30 s for them on shutdown.
process.env.SHUTDOWN_TIMEOUT ??= '2';
// A drawn sample of 20,000 residents with addresses is about 2 MB of CSV.
process.env.BODY_SIZE_LIMIT ??= '6M';
process.once('sveltekit:shutdown', () => {
	void db.stop().finally(() => process.exit(0));
});

await import(pathToFileURL(path.join(root, 'build/index.js')).href);
log(`Koe is running at ${process.env.ORIGIN}/`);
