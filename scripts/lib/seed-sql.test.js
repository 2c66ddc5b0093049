import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoId, seedSql } from './seed-sql.js';

const seedFile = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../supabase/seed.sql'
);

describe('supabase/seed.sql', () => {
	it('is what the generator makes of the current demo (else run npm run db:seed-sql)', () => {
		const committed = fs.readFileSync(seedFile, 'utf8');
		// A plain boolean first: a 300 KB diff helps nobody, the message does.
		expect(committed === seedSql(), 'supabase/seed.sql is stale: run npm run db:seed-sql').toBe(
			true
		);
	});

	it('comes out byte for byte the same every time', () => {
		expect(seedSql()).toBe(seedSql());
	});

	it('uses stable, well-formed version 5 UUIDs', () => {
		expect(demoId('organization:mine')).toBe(demoId('organization:mine'));
		expect(demoId('organization:mine')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(demoId('user:a')).not.toBe(demoId('user:b'));
	});
});
