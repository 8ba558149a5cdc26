/** Hostile and broken UBL documents, built from the valid Peppol example. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const validInvoice = readFileSync(join(__dirname, '../../fixtures/ubl/base-example.xml'), 'utf8');

const invoiceBody = validInvoice.replace(/^<\?xml[^>]*>\s*/, '');

function withDoctype(doctype: string, entityUse = ''): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n${invoiceBody.replace(
		'<cbc:ID>',
		`<cbc:ID>${entityUse}`,
	)}`;
}

const laughs = Array.from(
	{ length: 9 },
	(_, level) =>
		`<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
).join('');

export interface XmlCase {
	name: string;
	xml: Buffer;
	error: RegExp;
}

const DOCTYPE_REFUSED = /DOCTYPE declarations are refused/;

export const hostileXmlCases: XmlCase[] = [
	{
		name: 'billion laughs entity bomb',
		xml: Buffer.from(withDoctype(`<!DOCTYPE Invoice [<!ENTITY lol0 "lol">${laughs}]>`, '&lol9;')),
		error: DOCTYPE_REFUSED,
	},
	{
		name: 'quadratic blow-up entity',
		xml: Buffer.from(
			withDoctype(`<!DOCTYPE Invoice [<!ENTITY a "${'x'.repeat(50_000)}">]>`, '&a;'.repeat(5_000)),
		),
		error: DOCTYPE_REFUSED,
	},
	{
		name: 'external entity pointing at a local file',
		xml: Buffer.from(withDoctype('<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;')),
		error: DOCTYPE_REFUSED,
	},
	{
		name: 'external parameter entity (out-of-band DTD)',
		xml: Buffer.from(
			withDoctype('<!DOCTYPE Invoice [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'),
		),
		error: DOCTYPE_REFUSED,
	},
	{
		name: 'plain DOCTYPE with an external DTD',
		xml: Buffer.from(withDoctype('<!DOCTYPE Invoice SYSTEM "file:///etc/hostname">')),
		error: DOCTYPE_REFUSED,
	},
	{
		name: 'lower-case doctype',
		xml: Buffer.from(withDoctype('<!doctype Invoice>')),
		error: /DOCTYPE declarations are refused|not well-formed/,
	},
	{
		name: 'undeclared entity reference',
		xml: Buffer.from(validInvoice.replace('<cbc:ID>', '<cbc:ID>&xxe;')),
		error: /entities cannot be declared/,
	},
	{
		name: 'truncated in the middle',
		xml: Buffer.from(validInvoice.slice(0, Math.floor(validInvoice.length / 2))),
		error: /truncated document/,
	},
	{
		name: 'truncated after the root start tag',
		xml: Buffer.from(validInvoice.slice(0, validInvoice.indexOf('>', validInvoice.indexOf('<Invoice')) + 1)),
		error: /truncated document/,
	},
	{
		name: 'only an XML declaration',
		xml: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>'),
		error: /not well-formed|no root|empty/i,
	},
	{
		name: 'empty file',
		xml: Buffer.alloc(0),
		error: /The document is empty/,
	},
	{
		name: 'whitespace only',
		xml: Buffer.from(' \n\t\n'),
		error: /The document is empty/,
	},
	{
		name: 'binary garbage',
		// Deterministic bytes that start with a non-"<" byte.
		xml: Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 73 + 41) % 256)),
		error: /The document is not valid UTF-8/,
	},
	{
		name: 'a PNG image',
		xml: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
		error: /The document is not valid UTF-8/,
	},
	{
		name: 'a PDF file',
		xml: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
		error: /The content is not XML: it does not start with "<"/,
	},
	{
		name: 'binary garbage after the root start tag',
		xml: Buffer.concat([
			Buffer.from(validInvoice.slice(0, validInvoice.indexOf('<cbc:ID>'))),
			Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x03]),
		]),
		error: /not well-formed|truncated|UTF-8/,
	},
	{
		name: 'UTF-16 encoding declared',
		xml: Buffer.from(validInvoice.replace('encoding="UTF-8"', 'encoding="UTF-16"')),
		error: /must be UTF-8/,
	},
	{
		name: 'two root elements',
		xml: Buffer.from(`${validInvoice}\n<Invoice/>`),
		error: /not well-formed/,
	},
	{
		name: 'mismatched closing tag',
		xml: Buffer.from(validInvoice.replace('</cbc:ID>', '</cbc:Id>')),
		error: /not well-formed/,
	},
	{
		name: 'wrong namespace on the root',
		xml: Buffer.from(
			validInvoice.replace(
				'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
				'urn:example:not-ubl:Invoice',
			),
		),
		error: /namespace "urn:example:not-ubl:Invoice"; UBL Invoice must be in|not a UBL Invoice/,
	},
	{
		name: 'no namespace at all',
		xml: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Invoice><ID>1</ID></Invoice>'),
		error: /no namespace|not a UBL Invoice/,
	},
	{
		name: 'another document type (UBL Order)',
		xml: Buffer.from(
			'<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>',
		),
		error: /root element <Order> is not a UBL Invoice, CreditNote or ApplicationResponse/,
	},
];

/** Nested elements deeper than any UBL document needs. */
export function deeplyNested(depth: number): Buffer {
	return Buffer.from(
		`<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</Invoice>`,
	);
}

/**
 * A 200 MB document that costs no memory to speak of: `Buffer.alloc` maps zeroed pages lazily, and
 * only the first page holds the XML start.
 */
export function hugeDocument(bytes = 200 * 1024 * 1024): Buffer {
	const buffer = Buffer.alloc(bytes);
	buffer.write(`<?xml version="1.0" encoding="UTF-8"?>${invoiceBody.slice(0, 1000)}`);
	return buffer;
}
