import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as checkCapability from './checkCapability.operation';
import * as register from './register.operation';
import * as unregister from './unregister.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['participant'] } },
	default: 'checkCapability',
	options: [
		{
			name: 'Check Receiving Capability',
			value: 'checkCapability',
			description: 'Whether a company can receive invoices and credit notes over Peppol',
			action: 'Check receiving capability',
		},
		{
			name: 'Register',
			value: 'register',
			description: 'Register the own company as a Peppol receiver',
			action: 'Register the own company',
		},
		{
			name: 'Unregister',
			value: 'unregister',
			description: 'Remove the own company from Peppol',
			action: 'Unregister the own company',
		},
	],
};

export const participant: Resource = {
	operations: { checkCapability, register, unregister },
	description: [
		operationProperty,
		...checkCapability.description,
		...register.description,
		...unregister.description,
	],
};
