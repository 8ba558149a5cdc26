import type { Emulator, Switches } from '../../emulator';
import { DEMO } from '../../emulator/seed';
import { exportedCount } from '../backfill/expected-export';
import { seedSentInvoices } from '../export/sent-invoices';

const PARTY_ID = DEMO.partyIds[0];
// The feed examples/accountant-feed-export.json reads; a user creates it once in Billit.
const FEED = 'n8n-accountant-export';

/** One example pipeline moving `documents` documents, and how to tell that it moved them all. */
export interface PipelineCase {
	label: string;
	example: string;
	/** Top-level folder on the SFTP server the pipeline writes to. */
	folder: string;
	switches?: Partial<Switches>;
	/** The least a document can cost in Billit requests, and why. */
	minimum: string;
	/** That least as a number, listings left out (a list without file ids adds one read). */
	minimumPerDocument: number;
	/** Seeds the documents; answers their ids where the check needs them. */
	seed(emulator: Emulator, documents: number): Promise<number[]>;
	/** Manual runs needed to move them all (Billit shows ten inbox items at a time). */
	runs(documents: number): number;
	/** Files the pipeline must have left under its folder. */
	files(documents: number): number;
	/** Checks the Billit side once the runs are done (markers, confirmations). */
	check(emulator: Emulator, ids: number[]): void;
}

const sentInvoices = async (emulator: Emulator, documents: number) => [...seedSentInvoices(emulator, PARTY_ID, documents).keys()];
const incomingInvoices = async (emulator: Emulator, documents: number) =>
	emulator.admin.seedInbox({ partyId: PARTY_ID, count: documents }).map((item) => Number(item.CostOrderID));

function allFlagged(field: 'ExportedToConnector' | 'IsSent') {
	return (emulator: Emulator, ids: number[]) => {
		const orders = emulator.store.companyData(PARTY_ID).orders;
		const flagged = field === 'ExportedToConnector' ? exportedCount(emulator, PARTY_ID, ids) : ids.filter((id) => orders.get(id)?.IsSent === true).length;
		if (flagged !== ids.length) throw new Error(`${flagged} of ${ids.length} documents carry ${field}`);
	};
}

const salesExport = (switches: Partial<Switches>, label: string): PipelineCase => ({
	label,
	example: 'sales-export.json',
	folder: '/export',
	switches,
	minimum: 'UBL file, PDF file, export marker: 3 (and the list, 1 per 120)',
	minimumPerDocument: 3,
	seed: sentInvoices,
	runs: () => 1,
	files: (documents) => documents * 2,
	check: allFlagged('ExportedToConnector'),
});

const purchaseExport = (switches: Partial<Switches>, label: string): PipelineCase => ({
	label,
	example: 'purchase-export.json',
	folder: '/export',
	switches,
	minimum: 'UBL file, export marker: 2 (and the list, 1 per 120)',
	minimumPerDocument: 2,
	seed: incomingInvoices,
	runs: () => 1,
	files: (documents) => documents,
	check: allFlagged('IsSent'),
});

async function createFeed(emulator: Emulator): Promise<void> {
	const response = await fetch(`${emulator.url}/v1/accountant/feeds`, {
		method: 'POST',
		headers: { ApiKey: DEMO.apiKey, PartyID: String(PARTY_ID), 'Content-Type': 'application/json' },
		body: JSON.stringify({ Name: FEED }),
	});
	if (!response.ok) throw new Error(`creating the accountant feed answered ${response.status}`);
}

export const PIPELINE_CASES: PipelineCase[] = [
	salesExport({}, 'Sales export'),
	salesExport({ listFileIds: false }, 'Sales export, lists without file ids'),
	purchaseExport({}, 'Purchase export'),
	purchaseExport({ listFileIds: false }, 'Purchase export, lists without file ids'),
	{
		label: 'Peppol inbox to SFTP',
		example: 'peppol-inbox-to-sftp.json',
		folder: '/peppol',
		minimum: 'UBL file, confirm: 2 (and the inbox list, 1 per 10 items Billit shows)',
		minimumPerDocument: 2,
		seed: async (emulator, documents) => emulator.admin.seedInbox({ partyId: PARTY_ID, count: documents }).map((item) => item.InboxItemID),
		runs: (documents) => Math.ceil(documents / 10),
		files: (documents) => documents,
		check: (emulator) => {
			const left = emulator.store.companyData(PARTY_ID).inbox.length;
			if (left !== 0) throw new Error(`${left} inbox items are still unconfirmed`);
		},
	},
	{
		label: 'Accountant feed export',
		example: 'accountant-feed-export.json',
		folder: '/accountant',
		minimum: 'item file, confirm: 2 (and the company list and feed listing, once per run)',
		minimumPerDocument: 2,
		seed: async (emulator, documents) => {
			await createFeed(emulator);
			return emulator.admin.seed({ partyId: PARTY_ID, invoices: documents }).OrderIDs;
		},
		runs: () => 1,
		files: (documents) => documents,
		check: (emulator, ids) => {
			const confirmed = emulator.admin.feedConfirmations().length;
			if (confirmed !== ids.length) throw new Error(`${confirmed} of ${ids.length} feed items confirmed`);
		},
	},
	{
		label: 'Partner invoices (X12 810)',
		example: 'partner-invoices.json',
		folder: '/partner',
		minimum: 'export marker: 1 (the list carries the invoice; 1 per 120)',
		minimumPerDocument: 1,
		seed: sentInvoices,
		runs: () => 1,
		files: (documents) => documents,
		check: allFlagged('ExportedToConnector'),
	},
];
