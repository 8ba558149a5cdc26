import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { ublInputProperties } from '../../descriptions/ublInput';
import { readUblInput } from '../../helpers/ublInput';
import { textOf } from '../../../../lib/ubl/xml-query';
import { readUblElement } from '../../../../lib/ubl/parse';
import { ruleReleaseProperty } from '../../descriptions/ruleRelease';
import { assertValid, chosenRelease, prevalidate } from '../../../shared/billit/helpers/validation';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['prevalidate'] } },
	[
		{
			displayName: 'An offline check against the EN16931 and Peppol BIS 3.0 rules with their official IDs. Passing it is not acceptance by the network or the receiver.',
			name: 'prevalidateNotice',
			type: 'notice',
			default: '',
		},
		...ublInputProperties,
		ruleReleaseProperty,
		{
			displayName: 'Fail When Invalid',
			name: 'failWhenInvalid',
			type: 'boolean',
			default: false,
			description:
				'Whether an invalid document fails the item (use the error output to route it), instead of passing with valid = false',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const element = readUblElement(await readUblInput.call(this, itemIndex));
	if (element.local === 'ApplicationResponse') {
		throw new Error('Pre-validation covers invoices and credit notes; this is an ApplicationResponse');
	}
	// Read from the XML, not the model: pre-validation reports a missing ID as a rule violation.
	const documentId = textOf(element, 'cbc:ID')?.trim() ?? '';
	const result = prevalidate(element, chosenRelease.call(this, itemIndex));
	if (this.getNodeParameter('failWhenInvalid', itemIndex, false) as boolean) {
		assertValid(documentId || '(without ID)', result);
	}
	// The file travels on, so a pre-validation can sit right before an upload of the same file.
	const { binary } = this.getInputData()[itemIndex];
	return [
		{
			json: {
				documentType: element.local,
				documentId,
				...(result as unknown as IDataObject),
			},
			...(binary ? { binary } : {}),
		},
	];
}
