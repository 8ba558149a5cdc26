import { UblDocumentError } from './errors';
import type {
	ApplicationResponseDocument,
	DecodedCode,
	ApplicationResponseType,
	LineResponse,
	ResponseDetail,
} from './model';
import { INVOICE_RESPONSE_CUSTOMIZATION_ID, MESSAGE_LEVEL_RESPONSE_CUSTOMIZATION_ID } from './namespaces';
import { readParty, readRequiredParty } from './read-party';
import { compact, requiredText } from './read-values';
import {
	INVOICE_RESPONSE_CODES,
	MESSAGE_LEVEL_LINE_CODES,
	MESSAGE_LEVEL_RESPONSE_CODES,
	decodeCode,
	decodeInvoiceStatusReason,
	decodeMessageIssue,
} from './response-codes';
import type { XmlElement } from './xml';
import { childOf, childrenOf, textOf } from './xml-query';

function responseTypeOf(customizationId: string): ApplicationResponseType {
	if (customizationId.startsWith(INVOICE_RESPONSE_CUSTOMIZATION_ID)) return 'InvoiceResponse';
	if (customizationId.startsWith(MESSAGE_LEVEL_RESPONSE_CUSTOMIZATION_ID)) return 'MessageLevelResponse';
	return 'Other';
}

type StatusDecoder = (code: string, listId: string | undefined) => DecodedCode;

function readResponse(element: XmlElement, codes: Record<string, string>, decodeStatus: StatusDecoder): ResponseDetail {
	const code = childOf(element, 'cbc:ResponseCode');
	if (!code) throw new UblDocumentError(`<${element.name}> has no cbc:ResponseCode`, element);
	return compact({
		response: decodeCode(code.text.trim(), codes, code.attributes.listID),
		effectiveDate: textOf(element, 'cbc:EffectiveDate'),
		description: textOf(element, 'cbc:Description'),
		statuses: childrenOf(element, 'cac:Status').map((status) => {
			const reasonCode = childOf(status, 'cbc:StatusReasonCode');
			const reasonText = reasonCode?.text.trim();
			return compact({
				reasonCode: reasonText ? decodeStatus(reasonText, reasonCode?.attributes.listID) : undefined,
				reason: textOf(status, 'cbc:StatusReason'),
				conditions: childrenOf(status, 'cac:Condition').map((condition) =>
					compact({
						attributeId: textOf(condition, 'cbc:AttributeID') ?? '',
						description: textOf(condition, 'cbc:Description'),
					}),
				),
			});
		}),
	});
}

/** Reads a Peppol Invoice Response or Message Level Response, decoding its status codes. */
export function readApplicationResponse(root: XmlElement): ApplicationResponseDocument {
	const customizationId = textOf(root, 'cbc:CustomizationID') ?? '';
	const responseType = responseTypeOf(customizationId);
	const documentResponse = childOf(root, 'cac:DocumentResponse');
	const response = childOf(documentResponse, 'cac:Response');
	if (!documentResponse || !response) {
		throw new UblDocumentError(`<${root.name}> has no cac:DocumentResponse/cac:Response`, root);
	}
	const isMessageLevel = responseType === 'MessageLevelResponse';
	const documentCodes = isMessageLevel ? MESSAGE_LEVEL_RESPONSE_CODES : INVOICE_RESPONSE_CODES;
	const decodeStatus = isMessageLevel ? decodeMessageIssue : decodeInvoiceStatusReason;
	const reference = childOf(documentResponse, 'cac:DocumentReference');
	if (!reference) throw new UblDocumentError(`<${documentResponse.name}> has no cac:DocumentReference`, documentResponse);
	const lineResponses: LineResponse[] = childrenOf(documentResponse, 'cac:LineResponse').flatMap((line) =>
		childrenOf(line, 'cac:Response').map((lineResponse) => ({
			lineId: textOf(line, 'cac:LineReference/cbc:LineID') ?? '',
			...readResponse(lineResponse, MESSAGE_LEVEL_LINE_CODES, decodeStatus),
		})),
	);
	return compact({
		kind: 'ApplicationResponse' as const,
		responseType,
		customizationId,
		profileId: textOf(root, 'cbc:ProfileID') ?? '',
		id: requiredText(root, 'cbc:ID'),
		issueDate: requiredText(root, 'cbc:IssueDate'),
		issueTime: textOf(root, 'cbc:IssueTime'),
		notes: childrenOf(root, 'cbc:Note').map((note) => note.text.trim()),
		sender: readRequiredParty(root, 'cac:SenderParty'),
		receiver: readRequiredParty(root, 'cac:ReceiverParty'),
		documentResponse: readResponse(response, documentCodes, decodeStatus),
		documentReference: compact({
			id: requiredText(reference, 'cbc:ID'),
			issueDate: textOf(reference, 'cbc:IssueDate'),
			typeCode: textOf(reference, 'cbc:DocumentTypeCode'),
		}),
		issuer: readParty(childOf(documentResponse, 'cac:IssuerParty')),
		lineResponses,
	});
}
