import { partyNode } from './build-party';
import type { ApplicationResponseDocument, DecodedCode, ResponseDetail } from './model';
import { CAC, CBC, ROOT_NAMESPACES } from './namespaces';
import { group, leaf, type MaybeNode } from './node-builders';
import type { XmlNode } from './xml-writer';

function codeLeaf(name: string, code: DecodedCode | undefined): MaybeNode {
	return leaf(name, code?.code, { listID: code?.listId });
}

function responseNode(detail: ResponseDetail): MaybeNode {
	return group('cac:Response', [
		codeLeaf('cbc:ResponseCode', detail.response),
		leaf('cbc:Description', detail.description),
		leaf('cbc:EffectiveDate', detail.effectiveDate),
		...(detail.statuses ?? []).map((status) =>
			group('cac:Status', [
				codeLeaf('cbc:StatusReasonCode', status.reasonCode),
				leaf('cbc:StatusReason', status.reason),
				...(status.conditions ?? []).map((condition) =>
					group('cac:Condition', [
						leaf('cbc:AttributeID', condition.attributeId),
						leaf('cbc:Description', condition.description),
					]),
				),
			]),
		),
	]);
}

/** The UBL 2.1 element tree of a Peppol Invoice Response or Message Level Response. */
export function applicationResponseTree(document: ApplicationResponseDocument): XmlNode {
	const reference = document.documentReference;
	const children: MaybeNode[] = [
		leaf('cbc:CustomizationID', document.customizationId),
		leaf('cbc:ProfileID', document.profileId),
		leaf('cbc:ID', document.id),
		leaf('cbc:IssueDate', document.issueDate),
		leaf('cbc:IssueTime', document.issueTime),
		...(document.notes ?? []).map((note) => leaf('cbc:Note', note)),
		partyNode('cac:SenderParty', document.sender),
		partyNode('cac:ReceiverParty', document.receiver),
		group('cac:DocumentResponse', [
			responseNode(document.documentResponse),
			group('cac:DocumentReference', [
				leaf('cbc:ID', reference.id),
				leaf('cbc:IssueDate', reference.issueDate),
				leaf('cbc:DocumentTypeCode', reference.typeCode),
			]),
			partyNode('cac:IssuerParty', document.issuer),
			...(document.lineResponses ?? []).map((line) =>
				group('cac:LineResponse', [
					group('cac:LineReference', [leaf('cbc:LineID', line.lineId)]),
					responseNode(line),
				]),
			),
		]),
	];
	return {
		name: 'ApplicationResponse',
		namespaces: { '': ROOT_NAMESPACES.ApplicationResponse, cac: CAC, cbc: CBC },
		children: children.filter((child): child is XmlNode => child !== undefined),
	};
}
