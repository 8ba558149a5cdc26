import type { INodeProperties } from 'n8n-workflow';
import { inputBinaryProperty } from '../../shared/billit/descriptions/paging';

/** Where an operation reads a UBL document: an input binary field or XML text. */
export const ublInputProperties: INodeProperties[] = [
	{
		displayName: 'UBL Input',
		name: 'ublInput',
		type: 'options',
		default: 'binary',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A UBL XML file in an input binary field' },
			{ name: 'XML Text', value: 'text', description: 'The UBL XML as text, e.g. from an expression' },
		],
	},
	{ ...inputBinaryProperty, displayOptions: { show: { ublInput: ['binary'] } } },
	{
		displayName: 'XML',
		name: 'xml',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		required: true,
		displayOptions: { show: { ublInput: ['text'] } },
	},
];
