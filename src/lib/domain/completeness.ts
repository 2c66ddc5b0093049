/** How much of a questionnaire's text exists in each of its languages. */
import type { Definition, LocalText } from './questionnaire';

function texts(def: Definition): LocalText[] {
	const found: LocalText[] = [];
	const visit = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			if (typeof record.ja === 'string') found.push(record as LocalText);
			else Object.values(record).forEach(visit);
		}
	};
	visit(def.sections);
	return found;
}

export function completeness(def: Definition) {
	const all = texts(def);
	return def.languages.map((language) => ({
		language,
		total: all.length,
		done: all.filter((t) => (t[language] ?? '').trim() !== '').length
	}));
}
