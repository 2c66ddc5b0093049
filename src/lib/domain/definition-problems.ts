/**
 * Turns the schema's issues into messages a builder user can act on: a message
 * key with values, and where in the questionnaire the problem is.
 */
import type { z } from 'zod';

export interface Problem {
	key: string;
	values: Record<string, string | number>;
	/** e.g. "sections.1.questions.2.options" */
	path: string;
}

export function problemsOf(issues: z.core.$ZodIssue[]): Problem[] {
	return issues.map((issue) => {
		const path = issue.path.map(String).join('.');
		if (issue.code === 'custom') {
			// Structural problems carry their own code and values (questionnaire.ts).
			const params = (issue.params ?? {}) as { problem?: string } & Record<string, string>;
			return { key: `builder.problem.${params.problem ?? 'custom'}`, values: params, path };
		}
		if (issue.code === 'too_small') {
			return { key: 'builder.problem.too_small', values: { limit: Number(issue.minimum) }, path };
		}
		if (issue.code === 'too_big') {
			return { key: 'builder.problem.too_big', values: { limit: Number(issue.maximum) }, path };
		}
		return { key: `builder.problem.${issue.code}`, values: {}, path };
	});
}
