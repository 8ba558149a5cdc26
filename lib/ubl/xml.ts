import { SaxesParser, type SaxesTagNS } from 'saxes';

import { UblXmlError, type XmlPosition } from './errors';
import { decodeUtf8Strict } from './utf8';

/** One element of a parsed document, in document order, with its position for error reports. */
export interface XmlElement {
	/** Qualified name as written, e.g. `cbc:ID`. */
	name: string;
	/** Namespace URI the prefix resolves to ('' when none). */
	ns: string;
	local: string;
	/** Attributes by their qualified name as written; namespace declarations are in `namespaces`. */
	attributes: Record<string, string>;
	/** Namespace declarations made on this element: prefix ('' for the default namespace) → URI. */
	namespaces: Record<string, string>;
	children: XmlElement[];
	/** Character data directly inside this element (text and CDATA), not trimmed. */
	text: string;
	/** One-based position of the element's `<`. */
	line: number;
	column: number;
}

export interface ParseXmlOptions {
	/** Inputs larger than this many bytes are refused before parsing. */
	maxBytes?: number;
	/** Deeper nesting is refused (UBL needs about ten levels). */
	maxDepth?: number;
}

export const DEFAULT_MAX_XML_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 100;
const SAXES_POSITION_PREFIX = /^\d+:\d+: /;

function byteLength(input: Buffer | string): number {
	return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
}

/** Maps string offsets to line and column with a binary search over line starts. */
function lineLocator(text: string): (index: number) => XmlPosition {
	const lineStarts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	return (index) => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (lineStarts[middle] <= index) low = middle;
			else high = middle - 1;
		}
		return { line: low + 1, column: index - lineStarts[low] + 1 };
	};
}

function refuseSize(input: Buffer | string, maxBytes: number): void {
	const size = byteLength(input);
	if (size > maxBytes) {
		throw new UblXmlError(
			`The document is ${size} bytes, above the limit of ${maxBytes} bytes; raise the size limit if it is expected`,
		);
	}
}

function refuseNonXmlStart(text: string): void {
	const start = text.search(/\S/);
	if (start < 0) throw new UblXmlError('The document is empty', { line: 1, column: 1 });
	if (text[start] !== '<') {
		throw new UblXmlError(
			'The content is not XML: it does not start with "<" (binary data or another format?)',
			lineLocator(text)(start),
		);
	}
}

function refuseDoctype(text: string): never {
	const index = text.search(/<!DOCTYPE/i);
	throw new UblXmlError(
		'DOCTYPE declarations are refused: UBL needs none, and DTDs enable entity expansion and external entity attacks',
		lineLocator(text)(Math.max(index, 0)),
	);
}

function refuseEncoding(encoding: string | undefined): void {
	if (encoding !== undefined && encoding.toUpperCase() !== 'UTF-8') {
		throw new UblXmlError(
			`The XML declaration says encoding="${encoding}"; Peppol UBL must be UTF-8`,
			{ line: 1, column: 1 },
		);
	}
}

function newElement(tag: SaxesTagNS, position: XmlPosition): XmlElement {
	const attributes: Record<string, string> = {};
	for (const attribute of Object.values(tag.attributes)) {
		const isDeclaration = attribute.name === 'xmlns' || attribute.prefix === 'xmlns';
		if (!isDeclaration) attributes[attribute.name] = attribute.value;
	}
	return {
		name: tag.name,
		ns: tag.uri,
		local: tag.local,
		attributes,
		namespaces: { ...(tag.ns ?? {}) },
		children: [],
		text: '',
		line: position.line,
		column: position.column,
	};
}

/** Turns a saxes error into a `UblXmlError`, telling truncated input apart from other malformed XML. */
function describeParseFailure(
	error: unknown,
	parser: SaxesParser,
	openElements: XmlElement[],
	textLength: number,
): UblXmlError {
	if (error instanceof UblXmlError) return error;
	const position = { line: parser.line, column: parser.column + 1 };
	const reason = String((error as Error).message ?? error).replace(SAXES_POSITION_PREFIX, '');
	const innermost = openElements[openElements.length - 1];
	if (innermost && parser.position >= textLength) {
		return new UblXmlError(
			`The XML ends before <${innermost.name}> is closed (truncated document?): ${reason}`,
			position,
		);
	}
	const entityHint = /undefined entity/.test(reason)
		? ' (only the predefined entities and character references exist: entities cannot be declared)'
		: '';
	return new UblXmlError(`The XML is not well-formed: ${reason}${entityHint}`, position);
}

/**
 * Parses UTF-8 XML into an element tree with resolved namespaces and positions. Refuses, with a
 * `UblXmlError` carrying line and column where there is one: inputs above `maxBytes`, any DOCTYPE
 * (so no entity can be declared, expanded or fetched), non-UTF-8 bytes or declarations, and
 * malformed or truncated XML.
 */
export function parseXml(input: Buffer | string, options: ParseXmlOptions = {}): XmlElement {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_XML_BYTES;
	const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
	refuseSize(input, maxBytes);
	const text = typeof input === 'string' ? input : decodeUtf8Strict(input);
	refuseNonXmlStart(text);

	const parser = new SaxesParser({ xmlns: true, position: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let tagStart: XmlPosition = { line: 1, column: 1 };
	const locate = lineLocator(text);

	parser.on('xmldecl', (declaration) => refuseEncoding(declaration.encoding));
	parser.on('doctype', () => refuseDoctype(text));
	parser.on('opentagstart', (tag) => {
		// The parser has read `<`, the name and one more character; the element starts at its `<`.
		tagStart = locate(parser.position - tag.name.length - 2);
	});
	parser.on('opentag', (tag) => {
		if (stack.length >= maxDepth) {
			throw new UblXmlError(`Elements are nested deeper than ${maxDepth} levels`, tagStart);
		}
		const element = newElement(tag, tagStart);
		const parent = stack[stack.length - 1];
		if (parent) parent.children.push(element);
		else root = element;
		if (!tag.isSelfClosing) stack.push(element);
	});
	parser.on('closetag', (tag) => {
		if (!tag.isSelfClosing) stack.pop();
	});
	const appendText = (data: string) => {
		const current = stack[stack.length - 1];
		if (current) current.text += data;
	};
	parser.on('text', appendText);
	parser.on('cdata', appendText);

	try {
		parser.write(text).close();
	} catch (error) {
		throw describeParseFailure(error, parser, stack, text.length);
	}
	if (!root) throw new UblXmlError('The document has no root element', { line: 1, column: 1 });
	return root;
}
