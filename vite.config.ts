import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.js', 'bench/**/*.test.js'],
		globalSetup: ['src/lib/server/testing/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
