import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { FirstAdminProblem } from '$lib/server/backend/types';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

const firstAdmin = z.object({
	orgName: z.string().trim().min(1).max(100),
	orgSlug: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
	email: z.email().max(320),
	password: z.string().min(1).max(200),
	confirm: z.string().max(200)
});
type Field = keyof z.infer<typeof firstAdmin>;

/** The message for a field that failed the schema (the SQL function checks again). */
const schemaMessage: Record<Field, string> = {
	orgName: 'auth.setup.problem.invalid_name',
	orgSlug: 'auth.setup.problem.invalid_slug',
	email: 'auth.setup.problem.invalid_email',
	password: 'auth.password.required',
	confirm: 'auth.password.mismatch'
};

/** Where the SQL function's answer belongs on the form. */
function fieldOf(problem: Exclude<FirstAdminProblem, 'setup_done'>): [Field, string] {
	if (problem === 'invalid_name') return ['orgName', schemaMessage.orgName];
	if (problem === 'invalid_slug' || problem === 'slug_taken') {
		return ['orgSlug', `auth.setup.problem.${problem}`];
	}
	if (problem === 'invalid_email') return ['email', schemaMessage.email];
	if (problem === 'confirm_email') return ['email', 'auth.setup.problem.confirm_email'];
	return ['password', `auth.password.problem.${problem}`];
}

export const load: PageServerLoad = async ({ locals }) => {
	if (!(await locals.auth.setupNeeded())) redirect(303, '/signin');
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const raw = Object.fromEntries(await readForm(request, locals.t));
		// What was typed goes back with any error, except the passwords.
		const text = (name: string) => (typeof raw[name] === 'string' ? raw[name].slice(0, 320) : '');
		const values = { orgName: text('orgName'), orgSlug: text('orgSlug'), email: text('email') };
		const refuse = (errors: Partial<Record<Field, string>>) => fail(400, { values, errors });

		const parsed = firstAdmin.safeParse(raw);
		if (!parsed.success) {
			const fields = parsed.error.issues.map((issue) => issue.path[0] as Field);
			return refuse(Object.fromEntries(fields.map((f) => [f, schemaMessage[f]])));
		}
		const { email, password, confirm, orgSlug, orgName } = parsed.data;
		if (password !== confirm) return refuse({ confirm: schemaMessage.confirm });

		const problem = await locals.auth.createFirstAdmin({
			email,
			password,
			orgSlug,
			orgName
		});
		if (problem === 'setup_done') redirect(303, '/signin');
		if (problem) {
			const [field, message] = fieldOf(problem);
			return refuse({ [field]: message });
		}
		redirect(303, '/dashboard');
	}
};
