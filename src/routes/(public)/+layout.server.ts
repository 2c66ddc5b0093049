// The public's pages: no sign-in and no role. What they show is decided in SQL
// (public.public_results), which answers only for surveys with published results.
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => ({});
