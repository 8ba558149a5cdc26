/**
 * Writes one invoice and one credit note that hold every element and attribute of the Peppol BIS
 * Billing 3.0 syntax, from the syntax structure files of OpenPEPPOL/peppol-bis-invoice-3
 * (`structure/syntax`), with the example value the structure gives or a value of its data type:
 * each element once, and in the `-repeated` pair every element the syntax lets repeat without
 * bound (`0..n`, `1..n`) twice. The round-trip test reads them: whatever the syntax allows, the
 * model keeps.
 *
 *   npx tsx scripts/peppol-syntax-documents.ts <peppol-bis-invoice-3 checkout> <output directory>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseXml, type XmlElement } from '../lib/ubl/xml';
import { CAC, CBC, ROOT_NAMESPACES } from '../lib/ubl/namespaces';
import { serializeXml, type XmlNode } from '../lib/ubl/xml-writer';

const VALUE_OF_TYPE: Record<string, string> = {
	Amount: '100.00',
	'Unit Price Amount': '10.00',
	Quantity: '10',
	Percentage: '25',
	Date: '2026-01-01',
	'Binary object': 'QUJD',
};

function child(element: XmlElement, local: string): XmlElement | undefined {
	return element.children.find((c) => c.local === local);
}

function text(element: XmlElement, local: string): string | undefined {
	return child(element, local)?.text.trim();
}

/** The element's own value: the structure's example (or fixed) value, else one of its data type. */
function valueOf(element: XmlElement, term: string): string {
	const given = text(element, 'Value');
	if (given) return given;
	const type = text(element, 'DataType') ?? '';
	return VALUE_OF_TYPE[type] ?? term.replace(/^\w+:/, '');
}

/** How many times to write an element: twice when it may repeat without bound and repeats are asked for. */
function copies(element: XmlElement, repeat: boolean): number {
	return repeat && /\.\.n$/.test(element.attributes.cardinality ?? '') ? 2 : 1;
}

function nodesOf(element: XmlElement, file: string, repeat: boolean): XmlNode[] {
	return Array.from({ length: copies(element, repeat) }, () => nodeOf(element, file, repeat));
}

function nodeOf(element: XmlElement, file: string, repeat: boolean): XmlNode {
	const term = text(element, 'Term') ?? '';
	const children: XmlNode[] = [];
	const attributes: Record<string, string> = {};
	for (const part of element.children) {
		if (part.local === 'Element') children.push(...nodesOf(part, file, repeat));
		if (part.local === 'Include') children.push(...included(join(dirname(file), part.text.trim()), repeat));
		if (part.local === 'Attribute') attributes[text(part, 'Term') ?? ''] = text(part, 'Value') ?? 'X';
	}
	const node: XmlNode = { name: term.replace(/^ubl:/, '') };
	if (Object.keys(attributes).length > 0) node.attributes = attributes;
	if (children.length > 0) node.children = children;
	else node.text = valueOf(element, term);
	return node;
}

function included(file: string, repeat: boolean): XmlNode[] {
	return nodesOf(parseXml(readFileSync(file)), file, repeat);
}

function documentOf(file: string, kind: 'Invoice' | 'CreditNote', repeat: boolean): Buffer {
	const structure = parseXml(readFileSync(file));
	const root = nodeOf(child(structure, 'Document')!, file, repeat);
	root.namespaces = { '': ROOT_NAMESPACES[kind], cac: CAC, cbc: CBC };
	return serializeXml(root);
}

const [checkout, output] = process.argv.slice(2);
if (!checkout || !output) throw new Error('Usage: peppol-syntax-documents.ts <peppol-bis-invoice-3 checkout> <output directory>');
const syntax = join(checkout, 'structure', 'syntax');
for (const repeat of [false, true]) {
	const suffix = repeat ? '-repeated' : '';
	writeFileSync(join(output, `syntax-invoice${suffix}.xml`), documentOf(join(syntax, 'ubl-invoice.xml'), 'Invoice', repeat));
	writeFileSync(
		join(output, `syntax-creditnote${suffix}.xml`),
		documentOf(join(syntax, 'ubl-creditnote.xml'), 'CreditNote', repeat),
	);
}
