import type { TFunction } from 'i18next';
import type { Backend } from '$lib/server/backend/types';
import type { Claims } from '$lib/server/db/context';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			t: TFunction;
			backend: Backend;
			user: Claims | null;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
