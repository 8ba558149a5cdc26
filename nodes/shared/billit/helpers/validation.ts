import type { IExecuteFunctions } from 'n8n-workflow';

import { isRuleRelease, validateUbl, type RuleRelease, type ValidationIssue, type ValidationResult } from '../../../../lib/ubl/validate';
import type { XmlElement } from '../../../../lib/ubl/xml';

const RULES_IN_MESSAGE = 5;
/** Longest first-rule text the message carries; longer ones are left to the violations list. */
const FIRST_RULE_MAX = 160;

/** Offline Peppol BIS 3.0 pre-validation of an invoice or credit note (not network acceptance). */
export function prevalidate(element: XmlElement, release?: RuleRelease): ValidationResult {
	return validateUbl(element, { release });
}

/** The rule set chosen on the item (`Rule Set`), or undefined for the release in force today. */
export function chosenRelease(this: IExecuteFunctions, itemIndex: number): RuleRelease | undefined {
	const value = this.getNodeParameter('ruleRelease', itemIndex, 'inForce');
	return isRuleRelease(value) ? value : undefined;
}

function describe(issue: ValidationIssue): string {
	return `${issue.rule} at ${issue.path}: ${issue.message}`;
}

/**
 * A pre-validation failure. The message stays short enough for n8n's error toast: the first rule ids
 * and the first rule's text; every violation is in `violations`, which goes into the error item's
 * `details` and the error's description.
 */
export class InvalidUblError extends Error {
	readonly errors: ValidationIssue[];

	constructor(documentId: string, errors: ValidationIssue[]) {
		const shown = errors.slice(0, RULES_IN_MESSAGE);
		const more = errors.length > shown.length ? ` and ${errors.length - shown.length} more` : '';
		const first = errors[0] ? ` (${errors[0].rule}: ${errors[0].message})` : '';
		super(
			`UBL document ${documentId} fails pre-validation: ${shown.map((issue) => issue.rule).join(', ')}${more}${first.length <= FIRST_RULE_MAX ? first : ''}`,
		);
		this.name = 'InvalidUblError';
		this.errors = errors;
	}

	/** Each violation as "rule at path: message". */
	get violations(): string[] {
		return this.errors.map(describe);
	}
}

export function assertValid(documentId: string, result: ValidationResult): void {
	if (!result.valid) throw new InvalidUblError(documentId, result.errors);
}
