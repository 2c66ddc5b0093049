// The secret invitation codes are derived from (src/lib/server/samples/codes.ts).
// It must never change while letters are out, and it must not be in the
// database: a copy of the database alone must not yield a usable code.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * KOE_CODE_SECRET when set (every process of a deployment must share it);
 * otherwise a random secret kept in `<dir>/code-secret`, made on first use.
 * @param {string} dir the data folder (KOE_DATA_DIR, default .koe)
 */
export function ensureCodeSecret(dir, env = process.env) {
	if (env.KOE_CODE_SECRET) return env.KOE_CODE_SECRET;
	const file = path.join(dir, 'code-secret');
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		fs.mkdirSync(dir, { recursive: true });
		const secret = randomBytes(32).toString('base64url');
		// wx: two processes starting at once keep the first one's secret
		try {
			fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
			return secret;
		} catch {
			return fs.readFileSync(file, 'utf8').trim();
		}
	}
}
