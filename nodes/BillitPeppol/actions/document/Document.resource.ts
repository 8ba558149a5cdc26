import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as build from './build.operation';
import * as parse from './parse.operation';
import * as prevalidate from './prevalidate.operation';
import * as send from './send.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['document'] } },
	default: 'send',
	options: [
		{
			name: 'Build UBL',
			value: 'build',
			description: 'Build a Peppol BIS 3.0 UBL file from a Billit invoice or credit note',
			action: 'Build a UBL document',
		},
		{
			name: 'Parse UBL',
			value: 'parse',
			description:
				'Read an invoice, credit note or Peppol response (IMR/MLR) into JSON; amounts, quantities and rates come out as JSON numbers',
			action: 'Parse a UBL document',
		},
		{
			name: 'Pre-Validate UBL',
			value: 'prevalidate',
			description: 'Check a UBL invoice or credit note offline against the EN16931 and Peppol rules',
			action: 'Pre validate a UBL document',
		},
		{
			name: 'Send UBL',
			value: 'send',
			description: 'Send an own UBL invoice or credit note over Peppol',
			action: 'Send a UBL document',
		},
	],
};

export const document: Resource = {
	operations: { build, parse, prevalidate, send },
	description: [
		operationProperty,
		...send.description,
		...build.description,
		...parse.description,
		...prevalidate.description,
	],
};
