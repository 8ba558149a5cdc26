import { commercialDocumentTree } from './build-commercial';
import { UblDocumentError } from './errors';
import type { ApplicationResponseDocument, CommercialDocument } from './model';
import { ROOT_NAMESPACES, type UblRootName } from './namespaces';
import { readCommercialDocument } from './parse-commercial';
import { readApplicationResponse } from './parse-response';
import { writtenFormOf } from './written-form';
import { parseXml, type ParseXmlOptions, type XmlElement } from './xml';

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
	const xml = parseXml(input, options);
	const kind = rootKind(xml);
	if (kind === 'ApplicationResponse') {
		return { kind, document: readApplicationResponse(xml), attachments: [], xml };
	}
	const document = readCommercialDocument(xml, kind);
	const written = writtenFormOf(xml, commercialDocumentTree(document));
	if (written) document.written = written;
	return { kind, document, attachments: attachmentsOf(document), xml };
}
