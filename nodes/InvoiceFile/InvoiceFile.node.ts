import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as acknowledgeOperation from './actions/acknowledge.operation';
import { billitAccessProperties } from './descriptions/billitAccess';
import * as fileToJournalEntries from './actions/fileToJournalEntries.operation';
import * as fileToPayments from './actions/fileToPayments.operation';
import * as invoicesToFile from './actions/invoicesToFile.operation';
import { router } from './actions/router';

export class InvoiceFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Invoice File Convert',
		name: 'invoiceFile',
		icon: { light: 'file:invoiceFile.svg', dark: 'file:invoiceFile.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Partner flat files: invoices to CSV, fixed width, X12 810 or EDIFACT INVOIC; remittances to payments; GL journals to booking entries; 997/CONTRL',
		defaults: { name: 'Invoice File Convert' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'billitApi', required: true, displayOptions: { show: { addToBillit: [true], authentication: ['apiKey'] } } },
			{ name: 'billitOAuth2Api', required: true, displayOptions: { show: { addToBillit: [true], authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Acknowledge Interchange', value: 'acknowledge', action: 'Build an X12 997 or EDIFACT CONTRL', description: 'Build an X12 997 or EDIFACT CONTRL for an inbound file' },
					{ name: 'File to Journal Entries', value: 'fileToJournalEntries', action: 'Book a GL journal file on invoices', description: 'Read a GL journal CSV and set the booking entries of each invoice in Billit' },
					{ name: 'File to Payments', value: 'fileToPayments', action: 'Read payments from a remittance file', description: 'Read a CSV, X12 820 or EDIFACT REMADV remittance' },
					{ name: 'Invoices to File', value: 'invoicesToFile', action: 'Write invoices to a partner file', description: 'Write CSV, fixed width, X12 810 or EDIFACT INVOIC' },
				],
				default: 'invoicesToFile',
			},
			...invoicesToFile.description,
			...fileToPayments.description,
			...fileToJournalEntries.description,
			...billitAccessProperties,
			...acknowledgeOperation.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
