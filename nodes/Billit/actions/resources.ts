import type { INodePropertyOptions } from 'n8n-workflow';
import { invoice } from './invoice/Invoice.resource';
import type { BillitResource } from './types';

export const resources: Record<string, BillitResource> = {
	invoice,
};

export const resourceOptions: INodePropertyOptions[] = [{ name: 'Invoice', value: 'invoice' }];
