import {
	XmlDeclaration,
	XmlDocumentType,
	XmlElement as ParsedElement,
	XmlError,
	XmlNode,
	parseXml as parseXmlDocument,
} from '@rgrove/parse-xml';

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
const PARSER_OPTIONS = { includeOffsets: true, preserveDocumentType: true, preserveXmlDeclaration: true };
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
type Locate = (index: number) => XmlPosition;

function byteLength(input: Buffer | string): number {
	return typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
}

/**
 * Maps string offsets to line and column. Elements are located in document order, so it walks forward
 * from the previous answer and only searches when asked about an earlier offset.
 */
function lineLocator(text: string): Locate {
	const lineStarts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	let line = 0;
	return (index) => {
		if (index < lineStarts[line]) line = 0;
		while (line + 1 < lineStarts.length && lineStarts[line + 1] <= index) line++;
		return { line: line + 1, column: index - lineStarts[line] + 1 };
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

function refuseNonXmlStart(text: string, locate: Locate): void {
	const start = text.search(/\S/);
	if (start < 0) throw new UblXmlError('The document is empty', { line: 1, column: 1 });
	if (text[start] !== '<') {
		throw new UblXmlError('The content is not XML: it does not start with "<" (binary data or another format?)', locate(start));
	}
}

function doctypeRefused(position: XmlPosition): UblXmlError {
	return new UblXmlError(
		'DOCTYPE declarations are refused: UBL needs none, and DTDs enable entity expansion and external entity attacks',
		position,
	);
}

/** The prolog's DOCTYPE and encoding checks; the parser never expands or fetches entities either way. */
function checkProlog(prolog: XmlNode[], locate: Locate): void {
	for (const node of prolog) {
		if (node instanceof XmlDocumentType) throw doctypeRefused(locate(node.start));
		if (node instanceof XmlDeclaration && node.encoding != null && node.encoding.toUpperCase() !== 'UTF-8') {
			throw new UblXmlError(`The XML declaration says encoding="${node.encoding}"; Peppol UBL must be UTF-8`, { line: 1, column: 1 });
		}
	}
}

/** A malformed input whose failure is at its very end was cut off: name the innermost element left open. */
function truncationOf(text: string, error: XmlError, locate: Locate): UblXmlError | undefined {
	if (text.slice(error.pos).trim() !== '') return undefined;
	const openElement = /^Missing end tag for element (\S+)$/.exec(reasonOf(error))?.[1];
	if (openElement) {
		return new UblXmlError(`The XML ends before <${openElement}> is closed (truncated document?)`, locate(text.length));
	}
	// Cut inside a tag, comment or reference: the element around it is the one left open.
	const lastTag = text.lastIndexOf('<', error.pos);
	if (lastTag <= 0) return undefined;
	try {
		parseXmlDocument(text.slice(0, lastTag));
	} catch (prefixError) {
		const inner = prefixError instanceof XmlError ? truncationOf(text.slice(0, lastTag), prefixError, locate) : undefined;
		if (inner) return new UblXmlError(inner.message.replace(/ \(line \d+, column \d+\)$/, ''), locate(text.length));
	}
	return undefined;
}

const REASONS: Array<[RegExp, string]> = [
	[/^Named entity isn't defined: (.*)$/, 'undefined entity $1 (only the predefined entities and character references exist: entities cannot be declared)'],
	[/^Invalid character$/, 'disallowed character'],
];

/** The parser's message without the position and excerpt it appends. */
function reasonOf(error: XmlError): string {
	return error.message.replace(/ \(line \d+, column \d+\)[\s\S]*$/, '');
}

function describeParseFailure(text: string, error: unknown, locate: Locate, maxDepth: number): UblXmlError {
	if (error instanceof UblXmlError) return error;
	// The parser descends recursively; nesting that exhausts the stack is far beyond any real UBL.
	if (error instanceof RangeError) return new UblXmlError(`Elements are nested deeper than ${maxDepth} levels`);
	if (!(error instanceof XmlError)) throw error;
	if (/^\s*<!DOCTYPE/i.test(text.slice(error.pos)) || /<!DOCTYPE/i.test(text.slice(0, text.search(/<[^?!]/)))) {
		return doctypeRefused(locate(Math.max(text.search(/<!DOCTYPE/i), 0)));
	}
	const truncated = truncationOf(text, error, locate);
	if (truncated) return truncated;
	const reason = REASONS.reduce((message, [pattern, wording]) => message.replace(pattern, wording), reasonOf(error));
	return new UblXmlError(`The XML is not well-formed: ${reason}`, locate(error.pos));
}

/** Splits `p:name` into prefix and local name. */
function splitName(qualifiedName: string): [string, string] {
	const colon = qualifiedName.indexOf(':');
	return colon < 0 ? ['', qualifiedName] : [qualifiedName.slice(0, colon), qualifiedName.slice(colon + 1)];
}

function unboundPrefix(prefix: string, position: XmlPosition): UblXmlError {
	return new UblXmlError(`The XML is not well-formed: unbound namespace prefix: "${prefix}"`, position);
}

/**
 * The namespace bindings in scope while the tree is walked: each prefix's URIs, innermost last. A
 * declaration costs one push and one pop, never a copy of the scope (many declarations spread over a
 * document would otherwise cost time quadratic in its size); a Map has no inherited members, so a
 * prefix named like one (`constructor`, `__proto__`) is unbound unless declared.
 */
class NamespaceScope {
	private readonly bindings = new Map<string, string[]>([
		['', ['']],
		['xml', [XML_NAMESPACE]],
	]);

	declare(declarations: Map<string, string>): void {
		for (const [prefix, uri] of declarations) {
			const uris = this.bindings.get(prefix);
			if (uris) uris.push(uri);
			else this.bindings.set(prefix, [uri]);
		}
	}

	undeclare(declarations: Map<string, string>): void {
		for (const prefix of declarations.keys()) this.bindings.get(prefix)!.pop();
	}

	lookup(prefix: string): string | undefined {
		const uris = this.bindings.get(prefix);
		return uris?.[uris.length - 1];
	}
}

/** Converts the parser's element into ours, resolving namespaces in the scope its ancestors declared. */
function toElement(parsed: ParsedElement, scope: NamespaceScope, depth: number, maxDepth: number, locate: Locate): XmlElement {
	const position = locate(parsed.start);
	if (depth > maxDepth) throw new UblXmlError(`Elements are nested deeper than ${maxDepth} levels`, position);
	const declarations = new Map<string, string>();
	// Objects without a prototype: V8 keeps them as dictionaries, so thousands of distinct prefixes do
	// not each add a hidden class, and no name is an inherited member.
	const attributes: Record<string, string> = Object.create(null);
	const namespaces: Record<string, string> = Object.create(null);
	for (const [name, value] of Object.entries(parsed.attributes)) {
		if (name === 'xmlns' || name.startsWith('xmlns:')) {
			const prefix = name === 'xmlns' ? '' : name.slice(6);
			declarations.set(prefix, value);
			namespaces[prefix] = value;
		} else attributes[name] = value;
	}
	scope.declare(declarations);
	for (const name of Object.keys(attributes)) {
		const [prefix] = splitName(name);
		if (prefix !== '' && scope.lookup(prefix) === undefined) throw unboundPrefix(prefix, position);
	}
	const [prefix, local] = splitName(parsed.name);
	const ns = scope.lookup(prefix);
	if (ns === undefined) throw unboundPrefix(prefix, position);
	const element: XmlElement = {
		name: parsed.name,
		ns,
		local,
		attributes,
		namespaces,
		children: [],
		text: '',
		line: position.line,
		column: position.column,
	};
	for (const child of parsed.children) {
		if (child instanceof ParsedElement) element.children.push(toElement(child, scope, depth + 1, maxDepth, locate));
		else if (child.type === XmlNode.TYPE_TEXT || child.type === XmlNode.TYPE_CDATA) element.text += (child as { text: string }).text;
	}
	scope.undeclare(declarations);
	return element;
}

/**
 * Parses UTF-8 XML into an element tree with resolved namespaces and positions. Refuses, with a
 * `UblXmlError` carrying line and column where there is one: inputs above `maxBytes`, any DOCTYPE
 * (no entity is ever declared, expanded or fetched), non-UTF-8 bytes or declarations, nesting deeper
 * than `maxDepth`, unbound namespace prefixes, and malformed or truncated XML.
 */
export function parseXml(input: Buffer | string, options: ParseXmlOptions = {}): XmlElement {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_XML_BYTES;
	const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
	refuseSize(input, maxBytes);
	const text = typeof input === 'string' ? input : decodeUtf8Strict(input);
	const locate = lineLocator(text);
	refuseNonXmlStart(text, locate);
	let document;
	try {
		document = parseXmlDocument(text, PARSER_OPTIONS);
	} catch (error) {
		throw describeParseFailure(text, error, locate, maxDepth);
	}
	checkProlog(document.children, locate);
	const root = document.root;
	if (!root) throw new UblXmlError('The document has no root element', { line: 1, column: 1 });
	return toElement(root, new NamespaceScope(), 1, maxDepth, locate);
}
