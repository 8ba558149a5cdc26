import { beforeEach, describe, expect, inject, it } from 'vitest';

import { DEMO } from '../../../emulator/seed';
import { assertSucceeded } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient } from './billit-emulator';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExample } from './imported-example';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const accountantFolder = new SftpFolder(sftp, '/accountant');
const example = readExample('accountant-feed-export.json');
// The feed the example reads; a user creates it once in Billit.
const FEED = 'n8n-accountant-export';
// The demo accountant's office and two of its clients.
const SERVED = DEMO.partyIds.slice(0, 3);
const INVOICES_PER_COMPANY = 2;

const workflow = useImportedExample(example, [shortenSchedule]);

function yearInBrussels(date: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(date);
}

beforeEach(async () => {
	accountantFolder.reset();
	await billit.reset();
	await billit.createFeed(FEED);
	for (const partyId of SERVED) await billit.seedInvoices(INVOICES_PER_COMPANY, partyId);
});

describe('examples/accountant-feed-export.json in a real n8n, started by its schedule', () => {
	it("stores every feed item under its company's number and confirms it with the server and remote path", async () => {
		expect(await billit.pendingFeedItems(FEED)).toBe(SERVED.length * INVOICES_PER_COMPANY);
		const year = yearInBrussels(new Date());

		const execution = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');

		expect(await billit.pendingFeedItems(FEED)).toBe(0);
		const confirmations = (await billit.feedConfirmations()).filter((confirmation) => confirmation.Feed === FEED);
		expect(confirmations).toHaveLength(SERVED.length * INVOICES_PER_COMPANY);
		// Confirmations name the feed's owner, not the item's company: the company shows in the path.
		const filesPerCompany = new Map<string, number>();
		for (const confirmation of confirmations) {
			expect(confirmation.RemoteServerName).toBe('Export SFTP');
			const match = new RegExp(`^/accountant/(\\d{10})/order/${year}/${confirmation.FeedItemID}\\.xml$`).exec(confirmation.RemotePath ?? '');
			expect(match, confirmation.RemotePath).not.toBeNull();
			const uen = (match as RegExpExecArray)[1];
			filesPerCompany.set(uen, (filesPerCompany.get(uen) ?? 0) + 1);
		}
		const servedNumbers = await Promise.all(SERVED.map(async (partyId) => (await billit.company(partyId)).CompanyNumber));
		expect(Object.fromEntries(filesPerCompany)).toEqual(Object.fromEntries(servedNumbers.map((uen) => [uen, INVOICES_PER_COMPANY])));
		const expectedPaths = confirmations.map((confirmation) => confirmation.RemotePath as string);
		const files = accountantFolder.files();
		expect(files.map((file) => file.remotePath)).toEqual(expectedPaths.sort());
		expect(new Set(files.map((file) => file.mode.toString(8)))).toEqual(new Set(['664']));
		for (const file of files) expect(accountantFolder.read(file.remotePath)).toMatch(/^(<\?xml[^>]*>\s*)?<(\w+:)?Invoice\b/);
	});
});
