/** Where in the input a problem was found: one-based line and column. */
export interface XmlPosition {
	line: number;
	column: number;
}

/** The input is not XML this package accepts (unsafe, too large, not UTF-8, malformed). */
export class UblXmlError extends Error {
	readonly line?: number;
	readonly column?: number;

	constructor(message: string, position?: XmlPosition) {
		super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
		this.name = 'UblXmlError';
		this.line = position?.line;
		this.column = position?.column;
	}
}

/** Well-formed XML that is not a UBL document this package reads (wrong root or namespace, missing parts). */
export class UblDocumentError extends Error {
	readonly line?: number;
	readonly column?: number;

	constructor(message: string, position?: XmlPosition) {
		super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
		this.name = 'UblDocumentError';
		this.line = position?.line;
		this.column = position?.column;
	}
}

/** Input that cannot become a valid UBL document (e.g. a 0 % VAT line without a stated reason). */
export class UblBuildError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UblBuildError';
	}
}
