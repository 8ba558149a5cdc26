import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { CommercialDocument } from '../../../../lib/ubl/model';
import type { ValidationResult } from '../../../../lib/ubl/validate';
import { textOf } from '../../../../lib/ubl/xml-query';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { buildFromOrderProperties } from '../../descriptions/buildFromOrder';
import { showWhen } from '../../descriptions/showWhen';
import { ublInputProperties } from '../../descriptions/ublInput';
import { buildFromOrder } from '../../../shared/billit/helpers/buildFromOrder';
import { readUblInput } from '../../helpers/ublInput';
import { readUblDocument, readUblElement } from '../../../../lib/ubl/parse';
import { ruleReleaseProperty } from '../../descriptions/ruleRelease';
import { assertValid, chosenRelease, prevalidate } from '../../../shared/billit/helpers/validation';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['send'] } },
	[
		{
			displayName:
				"Sends your own UBL with Billit's Send UBL to Peppol (sendxml): over Peppol only, so a receiver not on Peppol is refused and nothing goes by another channel. Documents sent this way do not show in My Billit; the output carries Billit's answer (its InboxItemID) to follow them up.",
			name: 'sendNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'ubl',
			options: [
				{ name: 'UBL Document', value: 'ubl', description: 'An own Peppol BIS 3.0 UBL file or XML text' },
				{
					name: 'Built From Billit JSON',
					value: 'order',
					description: 'Build the UBL from a Billit invoice or credit note first',
				},
			],
		},
		...showWhen(ublInputProperties, { source: ['ubl'] }),
		...showWhen(buildFromOrderProperties, { source: ['order'] }),
		{
			displayName: 'Skip Pre-Validation',
			name: 'skipValidation',
			type: 'boolean',
			default: false,
			description:
				'Whether to send even when the offline rule check finds errors; Billit still validates and refuses invalid documents',
		},
		{ ...ruleReleaseProperty, displayOptions: { show: { skipValidation: [false] } } },
	],
);

interface Outgoing {
	xml: Buffer;
	document: CommercialDocument;
	ublSource: 'input' | 'built';
	validation: ValidationResult;
}

/** The document to send, pre-validated; with `enforce`, a failing check stops it here. */
async function outgoingDocument(
	this: IExecuteFunctions,
	itemIndex: number,
	enforce: boolean,
): Promise<Outgoing> {
	if (this.getNodeParameter('source', itemIndex) === 'order') {
		const built = await buildFromOrder.call(this, itemIndex);
		if (enforce) assertValid(built.document.id, built.validation);
		return { ...built, ublSource: 'built' };
	}
	const xml = await readUblInput.call(this, itemIndex);
	const element = readUblElement(xml);
	if (element.local === 'ApplicationResponse') {
		throw new Error('Only invoices and credit notes can be sent with this operation');
	}
	const validation = prevalidate(element, chosenRelease.call(this, itemIndex));
	// Checked before reading the model, so a missing element is reported by its rule id.
	if (enforce) assertValid(textOf(element, 'cbc:ID')?.trim() || '(without ID)', validation);
	return {
		xml,
		document: readUblDocument(element) as CommercialDocument,
		ublSource: 'input',
		validation,
	};
}

function withoutByteOrderMark(xml: Buffer): string {
	return xml.toString('utf8').replace(/^\uFEFF/, '');
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const skipValidation = this.getNodeParameter('skipValidation', itemIndex, false) as boolean;
	const outgoing = await outgoingDocument.call(this, itemIndex, !skipValidation);
	let alreadyApplied = false;
	const answer = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/peppol/sendxml',
		body: { XML: withoutByteOrderMark(outgoing.xml) },
		// A retry after a lost answer is told the document was sent; only its InboxItemID is unknown.
		onAlreadyApplied: async () => {
			alreadyApplied = true;
			return undefined;
		},
	});
	const receiver = outgoing.document.buyer.endpoint;
	const json: IDataObject = {
		// Billit answers the InboxItemID; an object answer is passed on whole.
		...(typeof answer === 'object' && answer !== null ? (answer as IDataObject) : { InboxItemID: answer as IDataObject[keyof IDataObject] }),
		...(alreadyApplied ? { alreadyApplied } : {}),
		ublSource: outgoing.ublSource,
		documentType: outgoing.document.kind,
		documentId: outgoing.document.id,
		receiver: receiver ? `${receiver.schemeId}:${receiver.id}` : undefined,
		validation: skipValidation ? undefined : (outgoing.validation as unknown as IDataObject),
	};
	return [{ json }];
}
