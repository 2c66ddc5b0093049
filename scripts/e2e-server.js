// The server Playwright tests run against: the production build on a fresh
// embedded database in a temporary folder, removed again on exit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-e2e-'));
process.env.KOE_DATA_DIR = dataDir;
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
await import('./start.js');
