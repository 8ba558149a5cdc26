import { createRouter } from '../../shared/router';
import type { Operation } from '../../shared/types';
import * as acknowledge from './acknowledge.operation';
import * as fileToJournalEntries from './fileToJournalEntries.operation';
import * as fileToPayments from './fileToPayments.operation';
import * as invoicesToFile from './invoicesToFile.operation';

/** Invoices are converted as a batch (many invoices, one file); inbound files per item. */
export const operations: Record<string, Operation> = {
	invoicesToFile,
	fileToPayments,
	fileToJournalEntries,
	acknowledge,
};

export const router = createRouter({ operations });
