import { commercialDocumentTree } from './build-commercial';
import { UblDocumentError } from './errors';
import type { ApplicationResponseDocument, CommercialDocument, UblDocument } from './model';
import { ROOT_NAMESPACES, type UblRootName } from './namespaces';
import { readCommercialDocument } from './parse-commercial';
import { readApplicationResponse } from './parse-response';
import { writtenFormOf } from './written-form';
import { parseXml, type ParseXmlOptions, type XmlElement } from './xml';

const SBDH_NAMESPACE = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

/** An embedded attachment decoded from base64. */
export interface UblAttachment {
	/** The AdditionalDocumentReference ID. */
	documentId: string;
	filename: string;
	mimeCode: string;
	description?: string;
	content: Buffer;
}

export type ParsedUbl =
	| { kind: 'Invoice' | 'CreditNote'; document: CommercialDocument; attachments: UblAttachment[]; xml: XmlElement }
	| { kind: 'ApplicationResponse'; document: ApplicationResponseDocument; attachments: UblAttachment[]; xml: XmlElement };

function rootKind(root: XmlElement): UblRootName {
	const byName = Object.entries(ROOT_NAMESPACES).find(([local]) => local === root.local);
	if (!byName) {
		throw new UblDocumentError(
			`The root element <${root.name}> is not a UBL Invoice, CreditNote or ApplicationResponse`,
			root,
		);
	}
	const [kind, expectedNamespace] = byName as [UblRootName, string];
	if (root.ns !== expectedNamespace) {
		const actual = root.ns === '' ? 'no namespace' : `namespace "${root.ns}"`;
		throw new UblDocumentError(
			`The root element <${root.name}> is in ${actual}; UBL ${kind} must be in "${expectedNamespace}"`,
			root,
		);
	}
	return kind;
}

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

/**
 * The one way into a UBL file: parses it safely (no DOCTYPE, size limit, UTF-8 only, errors with
 * line and column), takes the payload out of a Peppol envelope when there is one, and checks the
 * root is a UBL Invoice, CreditNote or ApplicationResponse in its namespace.
 */
export function readUblElement(input: Buffer | string, options: ParseXmlOptions = {}): XmlElement {
	const element = payloadOf(parseXml(input, options));
	rootKind(element);
	return element;
}

/** The JSON model of a UBL root element. */
export function readUblDocument(element: XmlElement): UblDocument {
	return element.local === 'ApplicationResponse'
		? readApplicationResponse(element)
		: readCommercialDocument(element, element.local as 'Invoice' | 'CreditNote');
}

export interface UblPayload {
	/** The Invoice, CreditNote or ApplicationResponse element (inside an envelope, if any). */
	element: XmlElement;
	document: UblDocument;
}

export function readUblPayload(xml: Buffer, maxBytes?: number): UblPayload {
	const element = readUblElement(xml, maxBytes === undefined ? {} : { maxBytes });
	return { element, document: readUblDocument(element) };
}

function attachmentsOf(document: CommercialDocument): UblAttachment[] {
	return (document.additionalDocuments ?? []).flatMap((reference) => {
		if (!reference.attachment) return [];
		const attachment: UblAttachment = {
			documentId: reference.id,
			filename: reference.attachment.filename,
			mimeCode: reference.attachment.mimeCode,
			content: Buffer.from(reference.attachment.base64, 'base64'),
		};
		if (reference.description !== undefined) attachment.description = reference.description;
		return [attachment];
	});
}

/**
 * Parses a UBL Invoice, CreditNote or Peppol ApplicationResponse (IMR/MLR) into the JSON model,
 * with embedded attachments decoded and the XML tree kept for validation with positions.
 */
export function parseUbl(input: Buffer | string, options: ParseXmlOptions = {}): ParsedUbl {
	const xml = readUblElement(input, options);
	const kind = rootKind(xml);
	if (kind === 'ApplicationResponse') {
		return { kind, document: readApplicationResponse(xml), attachments: [], xml };
	}
	const document = readCommercialDocument(xml, kind);
	const written = writtenFormOf(xml, commercialDocumentTree(document));
	if (written) document.written = written;
	return { kind, document, attachments: attachmentsOf(document), xml };
}
