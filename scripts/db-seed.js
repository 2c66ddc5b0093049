// npm run db:seed: bring the schema up to date, then add the Mine City demo
// (organisation, survey, staff accounts, synthetic responses) unless it is there.
import { openDatabase } from './lib/database.js';
import { migrate } from './lib/migrate.js';
import { demoAccounts, seed } from './lib/seed.js';

/** @param {string} line */
const log = (line) => console.log(line);

const db = await openDatabase({ log });
try {
	await migrate(db.ownerUrl, { log });
	const started = performance.now();
	const result = await seed(db.ownerUrl, { log });
	if (result.seeded) log(`done in ${Math.round(performance.now() - started)} ms`);
	// Printed even when the demo was already there: this is how people find the sign-ins.
	log('Demo staff accounts:');
	for (const account of demoAccounts) {
		log(`  ${account.role.padEnd(10)} ${account.email.padEnd(26)} ${account.password}`);
	}
} finally {
	await db.stop();
}
