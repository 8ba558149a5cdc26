import { describe, expect, it } from 'vitest';

import { CODE_LIST_DATA } from '../../../../lib/ubl/validate/code-list-data';
import { RELEASE_NAMES, RULE_RELEASES, releaseHasRule, releaseInForce, validateUbl } from '../../../../lib/ubl/validate';
import { edit, fixture } from './helpers';

const withoutPaymentTerms = () =>
	edit(edit(fixture('base-example.xml'), '<cbc:DueDate>2017-12-01</cbc:DueDate>', ''), /<cac:PaymentTerms>[\s\S]*?<\/cac:PaymentTerms>/, '');

describe('rule set releases', () => {
	it('defaults to the newest release whose mandatory date has passed', () => {
		expect(releaseInForce(new Date('2026-08-23T23:00:00Z'))).toBe('2025.5');
		expect(releaseInForce(new Date('2026-08-24T00:00:00Z'))).toBe('2026.5');
		expect(releaseInForce(new Date('2026-12-05T12:00:00Z'))).toBe('2026.5');
	});

	it('drops BR-CO-25, BR-66 and BR-67 from 2026.5 and adds UBL-SR-54/55/56', () => {
		for (const rule of ['BR-CO-25', 'BR-66', 'BR-67'] as const) {
			expect(releaseHasRule('2025.5', rule)).toBe(true);
			expect(releaseHasRule('2026.5', rule)).toBe(false);
		}
		for (const rule of ['UBL-SR-54', 'UBL-SR-55', 'UBL-SR-56'] as const) {
			expect(releaseHasRule('2025.5', rule)).toBe(false);
			expect(releaseHasRule('2026.5', rule)).toBe(true);
		}
	});

	it('names the release in every result', () => {
		const previous = validateUbl(withoutPaymentTerms(), { release: '2025.5' });
		expect(previous).toMatchObject({ valid: false, release: '2025.5', ruleSet: 'Peppol BIS Billing 3.0.19 (2025.5), EN16931 1.3.14.1' });
		expect(previous.errors.map((issue) => issue.rule)).toEqual(['BR-CO-25']);
		expect(validateUbl(withoutPaymentTerms(), { release: '2026.5' })).toMatchObject({ valid: true, release: '2026.5', errors: [] });
	});

	it('refuses a release it does not know', () => {
		expect(() => validateUbl(fixture('base-example.xml'), { release: '2024.11' as never })).toThrow(/Unknown rule release "2024.11"/);
	});

	it('has code lists derived from the artefacts of each release it offers', () => {
		// A list taken from another release (or edited by hand) shows here; scripts/ubl-code-lists.mjs --check
		// compares every list with the official schematron itself.
		expect(Object.keys(CODE_LIST_DATA).sort()).toEqual([...RELEASE_NAMES].sort());
		for (const release of RELEASE_NAMES) {
			const data = CODE_LIST_DATA[release];
			expect(data.en16931).toBe(RULE_RELEASES[release].en16931);
			expect(data.peppol).toContain(RULE_RELEASES[release].peppol);
		}
	});
});
