// npm run db:seed-sql: writes supabase/seed.sql, the demo for a Supabase project,
// from the JS seed's data. Run it whenever the demo changes; a test fails until then.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedSql } from './lib/seed-sql.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../supabase/seed.sql');
fs.writeFileSync(target, seedSql());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
