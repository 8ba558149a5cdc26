import type { IExecuteFunctions } from 'n8n-workflow';

import { isRuleRelease, validateUbl, type RuleRelease, type ValidationIssue, type ValidationResult } from '../../../lib/ubl/validate';
import type { XmlElement } from '../../../lib/ubl/xml';

const RULES_IN_MESSAGE = 5;

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

/** A pre-validation failure naming the first rule ids, so the reason shows in the item's error. */
export class InvalidUblError extends Error {
	readonly errors: ValidationIssue[];

	constructor(documentId: string, errors: ValidationIssue[]) {
		const shown = errors.slice(0, RULES_IN_MESSAGE);
		const more = errors.length > shown.length ? ` and ${errors.length - shown.length} more` : '';
		super(
			`UBL document ${documentId} fails pre-validation: ${shown.map((issue) => issue.rule).join(', ')}${more}. ${shown.map(describe).join('; ')}`,
		);
		this.name = 'InvalidUblError';
		this.errors = errors;
	}
}

export function assertValid(documentId: string, result: ValidationResult): void {
	if (!result.valid) throw new InvalidUblError(documentId, result.errors);
}
