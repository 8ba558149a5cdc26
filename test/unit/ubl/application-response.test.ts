import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import { UblDocumentError } from '../../../lib/ubl/errors';
import type { ApplicationResponseDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { listElementPaths } from '../../support/ubl/element-paths';

const NAMESPACES =
	'xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" ' +
	'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
	'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

/** A rejected invoice, shaped like the Peppol Invoice Response 3.0 examples. */
const INVOICE_RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<ApplicationResponse ${NAMESPACES}>
	<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:invoice_response:3</cbc:CustomizationID>
	<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:invoice_response:3</cbc:ProfileID>
	<cbc:ID>imrid30758</cbc:ID>
	<cbc:IssueDate>2026-11-20</cbc:IssueDate>
	<cbc:IssueTime>12:00:00</cbc:IssueTime>
	<cbc:Note>Please credit and reissue</cbc:Note>
	<cac:SenderParty>
		<cbc:EndpointID schemeID="0208">0123456749</cbc:EndpointID>
		<cac:PartyIdentification>
			<cbc:ID schemeID="0208">0123456749</cbc:ID>
		</cac:PartyIdentification>
		<cac:PartyLegalEntity>
			<cbc:RegistrationName>Buyer company</cbc:RegistrationName>
		</cac:PartyLegalEntity>
	</cac:SenderParty>
	<cac:ReceiverParty>
		<cbc:EndpointID schemeID="9925">BE0987654321</cbc:EndpointID>
		<cac:PartyLegalEntity>
			<cbc:RegistrationName>Seller company</cbc:RegistrationName>
		</cac:PartyLegalEntity>
	</cac:ReceiverParty>
	<cac:DocumentResponse>
		<cac:Response>
			<cbc:ResponseCode listID="UNCL4343OpSubset">RE</cbc:ResponseCode>
			<cbc:EffectiveDate>2026-11-20</cbc:EffectiveDate>
			<cac:Status>
				<cbc:StatusReasonCode listID="OPStatusReason">REF</cbc:StatusReasonCode>
				<cbc:StatusReason>The order number is unknown</cbc:StatusReason>
				<cac:Condition>
					<cbc:AttributeID>BT-13</cbc:AttributeID>
					<cbc:Description>PO-999</cbc:Description>
				</cac:Condition>
			</cac:Status>
			<cac:Status>
				<cbc:StatusReasonCode listID="OPStatusAction">NIN</cbc:StatusReasonCode>
			</cac:Status>
		</cac:Response>
		<cac:DocumentReference>
			<cbc:ID>INV-2026-0042</cbc:ID>
			<cbc:IssueDate>2026-11-15</cbc:IssueDate>
			<cbc:DocumentTypeCode>380</cbc:DocumentTypeCode>
		</cac:DocumentReference>
		<cac:IssuerParty>
			<cac:PartyIdentification>
				<cbc:ID schemeID="9925">BE0987654321</cbc:ID>
			</cac:PartyIdentification>
		</cac:IssuerParty>
	</cac:DocumentResponse>
</ApplicationResponse>`;

/** A rejected message with two reported problems, shaped like the Peppol MLR 3.0 examples. */
const MESSAGE_LEVEL_RESPONSE = `<?xml version="1.0" encoding="UTF-8"?>
<ApplicationResponse ${NAMESPACES}>
	<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:mlr:3</cbc:CustomizationID>
	<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:mlr:3</cbc:ProfileID>
	<cbc:ID>mlr-7</cbc:ID>
	<cbc:IssueDate>2026-11-21</cbc:IssueDate>
	<cac:SenderParty>
		<cbc:EndpointID schemeID="0088">5790000435975</cbc:EndpointID>
	</cac:SenderParty>
	<cac:ReceiverParty>
		<cbc:EndpointID schemeID="0208">0987654321</cbc:EndpointID>
	</cac:ReceiverParty>
	<cac:DocumentResponse>
		<cac:Response>
			<cbc:ResponseCode>RE</cbc:ResponseCode>
			<cbc:Description>Rejected due to validation errors</cbc:Description>
		</cac:Response>
		<cac:DocumentReference>
			<cbc:ID>transmission-4711</cbc:ID>
		</cac:DocumentReference>
		<cac:LineResponse>
			<cac:LineReference>
				<cbc:LineID>/Invoice/cbc:IssueDate</cbc:LineID>
			</cac:LineReference>
			<cac:Response>
				<cbc:ResponseCode>RE</cbc:ResponseCode>
				<cbc:Description>[BR-03] An Invoice shall have an Invoice issue date</cbc:Description>
				<cac:Status>
					<cbc:StatusReasonCode>BV</cbc:StatusReasonCode>
				</cac:Status>
			</cac:Response>
		</cac:LineResponse>
		<cac:LineResponse>
			<cac:LineReference>
				<cbc:LineID>/Invoice/cac:PaymentMeans</cbc:LineID>
			</cac:LineReference>
			<cac:Response>
				<cbc:ResponseCode>AB</cbc:ResponseCode>
				<cbc:Description>[BR-50] warning text</cbc:Description>
				<cac:Status>
					<cbc:StatusReasonCode>BW</cbc:StatusReasonCode>
				</cac:Status>
			</cac:Response>
		</cac:LineResponse>
	</cac:DocumentResponse>
</ApplicationResponse>`;

function responseOf(xml: string | Buffer): ApplicationResponseDocument {
	const parsed = parseUbl(xml);
	if (parsed.kind !== 'ApplicationResponse') throw new Error(`expected an ApplicationResponse, got ${parsed.kind}`);
	return parsed.document;
}

describe('Peppol Invoice Response (IMR)', () => {
	const document = responseOf(INVOICE_RESPONSE);

	it('decodes the status, the clarification reason and the requested action', () => {
		expect(document.responseType).toBe('InvoiceResponse');
		expect(document.documentResponse.response).toEqual({
			code: 'RE',
			meaning: 'Rejected: the invoice will not be processed',
			listId: 'UNCL4343OpSubset',
		});
		expect(document.documentResponse.statuses).toEqual([
			{
				reasonCode: { code: 'REF', meaning: 'References incorrect', listId: 'OPStatusReason' },
				reason: 'The order number is unknown',
				conditions: [{ attributeId: 'BT-13', description: 'PO-999' }],
			},
			{ reasonCode: { code: 'NIN', meaning: 'Issue new invoice', listId: 'OPStatusAction' } },
		]);
	});

	it('names the invoice it answers and the parties', () => {
		expect(document.documentReference).toEqual({ id: 'INV-2026-0042', issueDate: '2026-11-15', typeCode: '380' });
		expect(document.sender.endpoint).toEqual({ id: '0123456749', schemeId: '0208' });
		expect(document.receiver.registrationName).toBe('Seller company');
		expect(document.issuer?.identifiers).toEqual([{ id: 'BE0987654321', schemeId: '9925' }]);
		expect(document.issueTime).toBe('12:00:00');
	});

	it.each(['AB', 'IP', 'UQ', 'CA', 'RE', 'AP', 'PD'])('decodes status %s', (code) => {
		const decoded = responseOf(INVOICE_RESPONSE.replace('>RE</cbc:ResponseCode>', `>${code}</cbc:ResponseCode>`));
		expect(decoded.documentResponse.response.meaning).toBeTruthy();
	});

	it('leaves codes outside the list undecoded instead of guessing', () => {
		const decoded = responseOf(INVOICE_RESPONSE.replace('>RE</cbc:ResponseCode>', '>XX</cbc:ResponseCode>'));
		expect(decoded.documentResponse.response).toEqual({ code: 'XX', listId: 'UNCL4343OpSubset' });
	});

	it('survives build and parse with the same model and element order', () => {
		const rebuilt = parseUbl(buildUbl(document));
		expect(rebuilt.document).toEqual(document);
		expect(listElementPaths(rebuilt.xml)).toEqual(listElementPaths(parseUbl(INVOICE_RESPONSE).xml));
	});
});

describe('Peppol Message Level Response (MLR)', () => {
	const document = responseOf(MESSAGE_LEVEL_RESPONSE);

	it('decodes the message status and each reported problem', () => {
		expect(document.responseType).toBe('MessageLevelResponse');
		expect(document.documentResponse.response).toEqual({ code: 'RE', meaning: 'Rejected: the message failed validation' });
		expect(document.documentResponse.description).toBe('Rejected due to validation errors');
		expect(document.documentReference).toEqual({ id: 'transmission-4711' });
		expect(document.lineResponses).toEqual([
			{
				lineId: '/Invoice/cbc:IssueDate',
				response: { code: 'RE', meaning: 'Rejected' },
				description: '[BR-03] An Invoice shall have an Invoice issue date',
				statuses: [{ reasonCode: { code: 'BV', meaning: 'Business rule violation, fatal' } }],
			},
			{
				lineId: '/Invoice/cac:PaymentMeans',
				response: { code: 'AB', meaning: 'Acknowledged' },
				description: '[BR-50] warning text',
				statuses: [{ reasonCode: { code: 'BW', meaning: 'Business rule violation, warning' } }],
			},
		]);
	});

	it.each([
		['AB', 'Message acknowledgement: the message was received'],
		['AP', 'Accepted: the message passed validation'],
	])('decodes message status %s', (code, meaning) => {
		const accepted = MESSAGE_LEVEL_RESPONSE.replace(
			'<cbc:ResponseCode>RE</cbc:ResponseCode>\n\t\t\t<cbc:Description>Rejected',
			`<cbc:ResponseCode>${code}</cbc:ResponseCode>\n\t\t\t<cbc:Description>Rejected`,
		);
		expect(responseOf(accepted).documentResponse.response).toEqual({ code, meaning });
	});

	it('survives build and parse with the same model and element order', () => {
		const rebuilt = parseUbl(buildUbl(document));
		expect(rebuilt.document).toEqual(document);
		expect(listElementPaths(rebuilt.xml)).toEqual(listElementPaths(parseUbl(MESSAGE_LEVEL_RESPONSE).xml));
	});
});

describe('root checks', () => {
	it('refuses a root that is not a UBL document', () => {
		expect(() => parseUbl('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>')).toThrow(
			new UblDocumentError('The root element <Order> is not a UBL Invoice, CreditNote or ApplicationResponse', {
				line: 1,
				column: 1,
			}),
		);
	});

	it('refuses a UBL root name in the wrong namespace', () => {
		expect(() => parseUbl('<Invoice xmlns="urn:example:invoice"/>')).toThrow(
			'The root element <Invoice> is in namespace "urn:example:invoice"; UBL Invoice must be in "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
		);
		expect(() => parseUbl('<CreditNote/>')).toThrow(/<CreditNote> is in no namespace/);
	});

	it('names the missing part of an incomplete response', () => {
		const withoutResponse = INVOICE_RESPONSE.replace(/<cac:DocumentResponse>[\s\S]*<\/cac:DocumentResponse>/, '');
		expect(() => parseUbl(withoutResponse)).toThrow(/has no cac:DocumentResponse\/cac:Response/);
	});
});
