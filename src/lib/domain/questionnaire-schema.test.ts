/**
 * docs/questionnaire.schema.json is generated from the zod schema and tracked in
 * the repository, so other tools can validate Koe's questionnaire files. This test
 * fails when the two drift apart; `KOE_WRITE_SCHEMA=1 npx vitest run
 * src/lib/domain/questionnaire-schema.test.ts` rewrites the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definition } from './questionnaire';

const file = path.resolve('docs/questionnaire.schema.json');

export function generatedSchema() {
	const schema = z.toJSONSchema(definition, { io: 'input', unrepresentable: 'any' });
	return {
		...schema,
		$id: 'https://koe.example/questionnaire.schema.json',
		title: 'Koe questionnaire definition',
		description:
			'A questionnaire as Koe stores, imports and exports it. Generated from src/lib/domain/questionnaire.ts; see docs/questionnaire-format.md.'
	};
}

describe('the tracked JSON Schema', () => {
	it('matches the zod schema', () => {
		const text = `${JSON.stringify(generatedSchema(), null, '\t')}\n`;
		if (process.env.KOE_WRITE_SCHEMA === '1') fs.writeFileSync(file, text);
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
	});
});
