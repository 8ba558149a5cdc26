import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { validateUbl } from '../../../../lib/ubl/validate';
import { en16931UnitCases, OFFICIAL } from './official-cases';

const FIXTURES = join(OFFICIAL, '..');
/** Fatal rule ids the official 2025.5 schematron reports per file, or "engine error …" when it stops on the file. */
const VERDICTS = JSON.parse(readFileSync(join(OFFICIAL, 'verdicts-2025.5.json'), 'utf8')) as Record<string, string[] | string>;

describe('official examples and snippets get the official verdict (release 2025.5)', () => {
	it.each(Object.entries(VERDICTS))('%s', (file, verdict) => {
		const result = validateUbl(readFileSync(join(FIXTURES, file)), { release: '2025.5' });
		if (typeof verdict === 'string') {
			expect(result.valid).toBe(false);
			return;
		}
		expect([...new Set(result.errors.map((issue) => issue.rule))].sort()).toEqual(verdict);
	});
});

describe('EN16931 UBL unit tests (validation 1.3.16, release 2026.5)', () => {
	const cases = en16931UnitCases();

	it('reads every test of the official files', () => {
		expect(cases.length).toBeGreaterThan(1100);
	});

	it.each(cases.map((entry) => [`${entry.name} ${entry.fires ? 'fails' : 'passes'} ${entry.rule}`, entry] as const))('%s', (_name, entry) => {
		const result = validateUbl(entry.xml, { release: '2026.5' });
		expect([...result.errors, ...result.warnings].some((issue) => issue.rule === entry.rule)).toBe(entry.fires);
	});
});
