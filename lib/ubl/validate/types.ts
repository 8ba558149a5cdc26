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
	errors: ValidationIssue[];
	warnings: ValidationIssue[];
}
