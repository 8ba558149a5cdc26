import { validateUbl, type RuleRelease } from '../../../../lib/ubl/validate';

export { FIXTURE_NAMES, fixture, type FixtureName } from '../../../support/ubl/peppol-examples';
export { edit, editAll, insertBefore } from '../../../support/ubl/xml-edit';

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
