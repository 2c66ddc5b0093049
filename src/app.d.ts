import type { TFunction } from 'i18next';
import type { StaffAuth } from '$lib/server/auth/types';
import type { Backend } from '$lib/server/backend/types';
import type { Claims } from '$lib/server/db/context';
import type { Live } from '$lib/server/live';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			t: TFunction;
			backend: Backend;
			/** staff sign-in and sessions, in the run mode's way */
			auth: StaffAuth;
			user: Claims | null;
			/** tells the dashboards' event stream when responses arrive */
			live: Live;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
