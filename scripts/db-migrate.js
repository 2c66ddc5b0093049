// npm run db:migrate: bring the database schema up to date.
import { openDatabase } from './lib/database.js';
import { migrate } from './lib/migrate.js';

const db = await openDatabase();
try {
	const applied = await migrate(db.ownerUrl, { log: (line) => console.log(line) });
	console.log(applied.length ? `${applied.length} migration(s) applied` : 'schema is up to date');
} finally {
	await db.stop();
}
