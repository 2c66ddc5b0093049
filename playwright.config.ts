import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/lib/browser.js';

const port = Number(process.env.KOE_E2E_PORT || 4173);
// `npm run test:supabase` starts its own server (Supabase mode) and passes its address.
const externalBaseUrl = process.env.KOE_E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;
const chromium = {
	browserName: 'chromium' as const,
	launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs }
};
// The resident's pages, on phones with JavaScript on and off (and not on the desktop).
const onPhones = /(answer|question-types|resume)\.spec/;
const phones = {
	pixel: { ...devices['Pixel 7'], ...chromium },
	// Apple's viewport and user agent, rendered by Chromium (no WebKit here).
	iphone: { ...devices['iPhone 13'], ...chromium }
};

export default defineConfig({
	testDir: 'tests',
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'list' : [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL,
		locale: 'ja-JP',
		trace: 'off'
	},
	projects: [
		{ name: 'pixel-js', testMatch: onPhones, use: phones.pixel },
		{
			name: 'pixel-nojs',
			testMatch: onPhones,
			use: { ...phones.pixel, javaScriptEnabled: false }
		},
		{ name: 'iphone-js', testMatch: onPhones, use: phones.iphone },
		{
			name: 'iphone-nojs',
			testMatch: onPhones,
			use: { ...phones.iphone, javaScriptEnabled: false }
		},
		{
			name: 'desktop',
			testIgnore: onPhones,
			use: { ...devices['Desktop Chrome'], ...chromium }
		}
	],
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `${baseURL}/api/health`,
		reuseExistingServer: Boolean(externalBaseUrl),
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			// Answer POSTs per minute per client: far above what the other tests send
			// from 127.0.0.1 in a whole run; tests/security.spec.ts exhausts it from
			// another loopback address.
			KOE_SUBMIT_RATE_LIMIT: '300',
			// Every spec signs in from 127.0.0.1; the limit itself is unit-tested.
			KOE_SIGNIN_RATE_LIMIT: '1000'
		}
	}
});
