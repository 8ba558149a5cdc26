import { UblDocumentError } from './errors';
import type { UblDocument } from './model';
import { ROOT_NAMESPACES } from './namespaces';
import { readCommercialDocument } from './parse-commercial';
import { readApplicationResponse } from './parse-response';
import { parseXml, type XmlElement } from './xml';

const SBDH_NAMESPACE = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

function isUblRoot(element: XmlElement): boolean {
	const expected = (ROOT_NAMESPACES as Record<string, string>)[element.local];
	return expected !== undefined && element.ns === expected;
}

/**
 * The UBL element of a document. Files received over Peppol may keep their Standard Business
 * Document envelope (Billit delivers them untouched), so the payload is taken out of it.
 */
function payloadOf(root: XmlElement): XmlElement {
	if (root.local !== 'StandardBusinessDocument' || root.ns !== SBDH_NAMESPACE) return root;
	const payload = root.children.find(isUblRoot);
	if (!payload) {
		throw new UblDocumentError(
			'The Standard Business Document holds no UBL Invoice, CreditNote or ApplicationResponse',
			root,
		);
	}
	return payload;
}

export interface UblPayload {
	/** The Invoice, CreditNote or ApplicationResponse element (inside an envelope, if any). */
	element: XmlElement;
	document: UblDocument;
}

/**
 * Parses UBL bytes safely (lib/ubl refuses DOCTYPEs, oversized and non-UTF-8 input, with line and
 * column) and returns the UBL root element, taken out of a Peppol envelope when there is one.
 */
export function readUblElement(xml: Buffer, maxBytes?: number): XmlElement {
	const element = payloadOf(parseXml(xml, maxBytes === undefined ? {} : { maxBytes }));
	if (!isUblRoot(element)) {
		throw new UblDocumentError(
			`The root element <${element.name}> is not a UBL Invoice, CreditNote or ApplicationResponse`,
			element,
		);
	}
	return element;
}

/** The JSON model of a UBL root element. */
export function readUblDocument(element: XmlElement): UblDocument {
	return element.local === 'ApplicationResponse'
		? readApplicationResponse(element)
		: readCommercialDocument(element, element.local as 'Invoice' | 'CreditNote');
}

export function readUblPayload(xml: Buffer, maxBytes?: number): UblPayload {
	const element = readUblElement(xml, maxBytes);
	return { element, document: readUblDocument(element) };
}
