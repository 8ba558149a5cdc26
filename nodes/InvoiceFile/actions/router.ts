import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import * as acknowledgeOperation from './acknowledge.operation';
import * as fileToJournal from './fileToJournal.operation';
import * as fileToPayments from './fileToPayments.operation';
import { forEachItem } from './forEachItem';
import * as invoicesToFile from './invoicesToFile.operation';

/** Dispatches on the operation: invoices are converted as a batch, inbound files per item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	switch (operation) {
		case 'invoicesToFile':
			return [await invoicesToFile.execute.call(this)];
		case 'fileToPayments':
			return [await forEachItem.call(this, (itemIndex) => fileToPayments.executeItem.call(this, itemIndex))];
		case 'fileToJournalEntries':
			return [await forEachItem.call(this, (itemIndex) => fileToJournal.executeItem.call(this, itemIndex))];
		case 'acknowledge':
			return [await forEachItem.call(this, (itemIndex) => acknowledgeOperation.executeItem.call(this, itemIndex))];
		default:
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	}
}
