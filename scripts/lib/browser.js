// Finds a Chromium for Playwright: Playwright's own build when installed,
// otherwise the system's (Debian's chromium package).
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
];

/** Flags for a root, offline, headless machine (see DESIGN.md's environment facts). */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

/** @returns {string | null} the executable to launch, or null for none */
export function findChromium() {
	if (process.env.KOE_CHROMIUM && fs.existsSync(process.env.KOE_CHROMIUM)) {
		return process.env.KOE_CHROMIUM;
	}
	try {
		const own = chromium.executablePath();
		if (own && fs.existsSync(own)) return own;
	} catch {
		// Playwright has no browser of its own here
	}
	return SYSTEM_CHROMIUM.find((candidate) => fs.existsSync(candidate)) ?? null;
}
