/**
 * The breakdown cross-tab's shareable URL: `?target=question|item&by=key&district=…
 * &age=…&source=web|paper&from=YYYY-MM-DD&to=YYYY-MM-DD&pct=row|column`. Anything unknown or
 * malformed is ignored (the default view), never an error.
 */
import { z } from 'zod';
import type { BreakdownFilter } from './breakdown';

export interface BreakdownQuery extends BreakdownFilter {
	/** `question|item`, one of the allowed targets, or null for the first */
	target: string | null;
	/** a breakdown key, or null for the first */
	by: string | null;
	/** which percentage shows beside each count */
	percent: 'row' | 'column';
}

export interface BreakdownChoices {
	targets: string[];
	by: string[];
	districts: string[];
	ageGroups: string[];
}

const isoDate = z.iso.date();
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const query = z.object({
	target: optional(z.string()),
	by: optional(z.string()),
	district: optional(z.string()),
	age: optional(z.string()),
	source: optional(z.enum(['web', 'paper'])),
	from: optional(isoDate),
	to: optional(isoDate),
	pct: optional(z.enum(['row', 'column']))
});

export function parseBreakdownQuery(
	params: URLSearchParams,
	allowed: BreakdownChoices
): BreakdownQuery {
	const raw = query.parse(Object.fromEntries(params));
	const oneOf = (value: string | undefined, list: string[]) =>
		value !== undefined && list.includes(value) ? value : null;
	return {
		target: oneOf(raw.target, allowed.targets),
		by: oneOf(raw.by, allowed.by),
		district: oneOf(raw.district, allowed.districts),
		ageGroup: oneOf(raw.age, allowed.ageGroups),
		source: raw.source ?? null,
		from: raw.from ?? null,
		to: raw.to ?? null,
		percent: raw.pct ?? 'row'
	};
}
