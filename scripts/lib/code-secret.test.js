import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCodeSecret } from './code-secret.js';

describe('ensureCodeSecret', () => {
	it('makes a secret once and keeps it, readable by the owner only', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-secret-'));
		const first = ensureCodeSecret(dir, {});
		expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(ensureCodeSecret(dir, {})).toBe(first);
		expect(fs.statSync(path.join(dir, 'code-secret')).mode & 0o777).toBe(0o600);
		fs.rmSync(dir, { recursive: true });
	});

	it('prefers KOE_CODE_SECRET', () => {
		expect(ensureCodeSecret('/nonexistent', { KOE_CODE_SECRET: 'given' })).toBe('given');
	});
});
