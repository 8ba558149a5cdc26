import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { validateUbl, type RuleRelease } from '../../../../lib/ubl/validate';

const FIXTURES = join(__dirname, '../../../fixtures/ubl');

export const FIXTURE_NAMES = [
	'Allowance-example.xml',
	'Norwegian-example-1.xml',
	'Snippet-cn.xml',
	'Snippet-full.xml',
	'Vat-category-S.xml',
	'base-creditnote-correction.xml',
	'base-example.xml',
	'base-negative-inv-correction.xml',
	'sales-order-example.xml',
	'vat-category-E.xml',
	'vat-category-O.xml',
	'vat-category-Z.xml',
] as const;

export type FixtureName = (typeof FIXTURE_NAMES)[number];

const cache = new Map<string, string>();

export function fixture(name: FixtureName): string {
	let xml = cache.get(name);
	if (xml === undefined) {
		xml = readFileSync(join(FIXTURES, name), 'utf8');
		cache.set(name, xml);
	}
	return xml;
}

/** Replaces the first match; a mutation that matches nothing is a broken test, so it throws. */
export function edit(xml: string, pattern: string | RegExp, replacement: string | ((match: string) => string)): string {
	const found = typeof pattern === 'string' ? xml.includes(pattern) : pattern.test(xml);
	if (!found) throw new Error(`Mutation pattern not found: ${String(pattern)}`);
	return typeof replacement === 'string' ? xml.replace(pattern, replacement) : xml.replace(pattern, replacement);
}

/** Replaces every match of a literal; throws when there is none. */
export function editAll(xml: string, literal: string, replacement: string): string {
	if (!xml.includes(literal)) throw new Error(`Mutation pattern not found: ${literal}`);
	return xml.split(literal).join(replacement);
}

/** Inserts markup right before the first occurrence of an anchor. */
export function insertBefore(xml: string, anchor: string, markup: string): string {
	return edit(xml, anchor, `${markup}${anchor}`);
}

/** Distinct rule ids that fired (errors and warnings), sorted. */
export function firedRules(xml: string, release: RuleRelease = '2025.5'): string[] {
	const result = validateUbl(xml, { release });
	return [...new Set([...result.errors, ...result.warnings].map((issue) => issue.rule))].sort();
}

export interface MutationCase {
	rule: string;
	xml: () => string;
	/** Rules the official schematron necessarily raises together with `rule` for this mutation. */
	also?: string[];
	/** Rule set to check against (2025.5, the release lib/ubl/RULES.md names, unless given). */
	release?: RuleRelease;
}

export function expectedRules(entry: MutationCase): string[] {
	return [...new Set([entry.rule, ...(entry.also ?? [])])].sort();
}
