import { describe, expect, it } from 'vitest';

import { validateUbl } from '../../../../lib/ubl/validate';
import { mutationSuite } from '../../../support/ubl/mutations';

const suite = mutationSuite(520);

describe('seeded mutation suite', () => {
	it('has at least 500 distinct documents', () => {
		expect(suite.length).toBeGreaterThanOrEqual(500);
	});

	it.each(suite.map((mutation) => [mutation.name, mutation] as const))('%s', (_name, mutation) => {
		const fired = [...new Set(validateUbl(mutation.xml, { release: '2025.5' }).errors.map((issue) => issue.rule))];
		expect(fired).toEqual(expect.arrayContaining(mutation.breaks));
		expect(fired.filter((rule) => !mutation.breaks.includes(rule) && !mutation.mayAlsoBreak.test(rule))).toEqual([]);
	});
});
