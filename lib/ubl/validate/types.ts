/**
 * The element tree shape produced by `lib/ubl/xml.ts`, reduced to what validation reads.
 * Declared structurally so the validator also accepts any tree of the same shape.
 */
export interface UblElement {
	readonly name: string;
	readonly ns: string;
	readonly local: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly children: readonly UblElement[];
	readonly text: string;
	readonly line: number;
	readonly column: number;
}

export type Severity = 'fatal' | 'warning';

export interface ValidationIssue {
	rule: string;
	severity: Severity;
	message: string;
	/** XPath-like location, e.g. `/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount`. */
	path: string;
	line?: number;
}

export interface ValidationResult {
	/** True when no fatal rule fired. Passing is not network acceptance. */
	valid: boolean;
	/** The Peppol release whose rules were checked (see `RULE_RELEASES`). */
	release: string;
	/** That release spelled out: Peppol BIS Billing version and the EN16931 artefacts it bundles. */
	ruleSet: string;
	errors: ValidationIssue[];
	warnings: ValidationIssue[];
}
