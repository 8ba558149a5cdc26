import { validateUbl, type RuleRelease } from '../../../../lib/ubl/validate';

export { FIXTURE_NAMES, fixture, type FixtureName } from '../../../support/ubl/peppol-examples';

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
