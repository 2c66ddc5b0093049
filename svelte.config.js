import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		typescript: {
			// Type-check the plain-JavaScript scripts and bench too (JSDoc types).
			/** @param {{ include: string[] }} tsconfig */
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.js', '../bench/**/*.js', '../tests/**/*.ts');
				return tsconfig;
			}
		},
		adapter: adapter({ precompress: true }),
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'connect-src': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
