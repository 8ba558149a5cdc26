import { UblDocumentError } from '../errors';
import { ROOT_NAMESPACES } from '../namespaces';
import { parseXml, type ParseXmlOptions } from '../xml';
import { RULE_CATALOG, releaseHasRule, type RuleId } from './catalog';
import { codeLists } from './code-lists';
import type { RuleContext, RuleSet } from './context';
import { UblDocument } from './document';
import { calculationRules } from './rules/calculation';
import { codeListRules } from './rules/code-lists';
import { coreRules } from './rules/core';
import { decimalRules } from './rules/decimals';
import { identifierRules } from './rules/identifiers';
import { peppolRules } from './rules/peppol';
import { syntaxRules } from './rules/syntax';
import { vatCategoryRules } from './rules/vat-categories';
import { isRuleRelease, releaseInForce, RELEASE_NAMES, RULE_RELEASES, type RuleRelease } from './releases';
import type { UblElement, ValidationIssue, ValidationResult } from './types';

export type { Severity, UblElement, ValidationIssue, ValidationResult } from './types';
export { RULE_CATALOG, releaseHasRule, type RuleId } from './catalog';
export { isRuleRelease, releaseInForce, RELEASE_NAMES, RULE_RELEASES, type RuleRelease } from './releases';

export interface ValidateUblOptions extends ParseXmlOptions {
	/** Rule set to check against; by default the Peppol release in force today. */
	release?: RuleRelease;
}

const RULE_SETS: readonly RuleSet[] = [
	coreRules,
	calculationRules,
	vatCategoryRules,
	decimalRules,
	peppolRules,
	codeListRules,
	identifierRules,
	syntaxRules,
];

/**
 * Offline Peppol BIS Billing 3.0 pre-validation of a parsed UBL invoice or credit note (the root element
 * of the tree from `lib/ubl/xml.ts`). Passing it is not network acceptance: it checks the EN16931 and
 * Peppol rules listed in `lib/ubl/RULES.md`, not the UBL schema or every national rule.
 */
export function validateUblTree(root: UblElement, release: RuleRelease = releaseInForce()): ValidationResult {
	if (!isRuleRelease(release)) throw new RangeError(`Unknown rule release "${String(release)}"; known: ${RELEASE_NAMES.join(', ')}`);
	const doc = new UblDocument(root);
	const errors: ValidationIssue[] = [];
	const warnings: ValidationIssue[] = [];
	const context: RuleContext = {
		doc,
		release,
		lists: codeLists(release),
		report(rule: RuleId, at: UblElement, missing?: string) {
			if (!releaseHasRule(release, rule)) return;
			const { severity, message } = RULE_CATALOG[rule];
			const issue: ValidationIssue = {
				rule,
				severity,
				message,
				path: missing ? `${doc.pathOf(at)}/${missing}` : doc.pathOf(at),
				line: at.line,
			};
			(severity === 'fatal' ? errors : warnings).push(issue);
		},
	};
	for (const ruleSet of RULE_SETS) ruleSet(context);
	const { peppol, en16931 } = RULE_RELEASES[release];
	return { valid: errors.length === 0, release, ruleSet: `Peppol BIS Billing ${peppol} (${release}), EN16931 ${en16931}`, errors, warnings };
}

/**
 * Pre-validates a UBL invoice or credit note given as XML (string or bytes) or as an already parsed tree.
 * Unsafe or malformed XML throws `UblXmlError`, a document that is neither an invoice nor a credit note
 * throws `UblDocumentError`: those are not rule violations but inputs that cannot be checked at all.
 */
export function validateUbl(input: Buffer | string | UblElement, options: ValidateUblOptions = {}): ValidationResult {
	const root = typeof input === 'string' || Buffer.isBuffer(input) ? parseXml(input, options) : input;
	const expected = root.local === 'Invoice' || root.local === 'CreditNote' ? ROOT_NAMESPACES[root.local] : undefined;
	if (!expected || root.ns !== expected) {
		throw new UblDocumentError(`Expected a UBL Invoice or CreditNote, found ${root.name} in namespace "${root.ns}"`, root);
	}
	return validateUblTree(root, options.release ?? releaseInForce());
}
