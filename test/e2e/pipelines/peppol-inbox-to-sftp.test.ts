import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { beforeEach, describe, expect, inject, it } from 'vitest';

import { assertSucceeded, nodeOutput, type N8nExecution } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient, type EmulatedInboxItem } from './billit-emulator';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExample } from './imported-example';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const peppolFolder = new SftpFolder(sftp, '/peppol');
const example = readExample('peppol-inbox-to-sftp.json');
const RECEIVED = 25;
// The example parks an item after its third failed attempt.
const ATTEMPTS = 3;

const workflow = useImportedExample(example, [shortenSchedule]);

function yearInBrussels(timestamp: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(new Date(timestamp));
}

function remoteFile(item: EmulatedInboxItem): string {
	return `/peppol/${yearInBrussels(item.CreationDate)}/${item.PeppolDocumentType}-${item.InboxItemID}.xml`;
}

function reasonFile(item: EmulatedInboxItem): string {
	return `/peppol/error/${item.PeppolDocumentType}-${item.InboxItemID}.reason.txt`;
}

/** Where the example records a failed attempt: the count lives on the server, not in n8n. */
function attemptRecord(item: EmulatedInboxItem, attempt: number): string {
	return `/peppol/attempts/${item.PeppolDocumentType}-${item.InboxItemID}.attempt-${attempt}.txt`;
}

/** Items a node output in the execution; none when the node did not run (a branch not taken). */
function outputIfRan(execution: N8nExecution, nodeName: string): unknown[] {
	return execution.data?.resultData.runData[nodeName] ? nodeOutput(execution, nodeName) : [];
}

function storedPaths(): string[] {
	return peppolFolder.files().map((file) => file.remotePath);
}

beforeEach(async () => {
	peppolFolder.reset();
	await billit.reset();
});

describe('examples/peppol-inbox-to-sftp.json in a real n8n, started by its schedule', () => {
	it('stores and confirms 24 of 25 inbox items past one that always fails, and parks that one after three attempts, its attempt records kept on the server', async () => {
		const received = await billit.receiveInvoices(RECEIVED);
		const [poison, ...others] = received;
		// The fault: a folder the SFTP user cannot replace where the first item's file must go, so
		// its upload fails on every run while it holds a place in Billit's 10-item inbox window.
		const blocker = remoteFile(poison);
		peppolFolder.makeFolder(dirname(blocker));
		mkdirSync(peppolFolder.onDisk(blocker));
		writeFileSync(join(peppolFolder.onDisk(blocker), 'in-the-way'), 'not a UBL file');
		const blockerContent = join(blocker, 'in-the-way');

		const first = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(first);
		expect(first.mode).toBe('trigger');
		expect(nodeOutput(first, 'Inbox Items').map((item) => item.InboxItemID)).toEqual(received.slice(0, 10).map((item) => item.InboxItemID));
		expect(storedPaths()).toEqual([blockerContent, ...others.slice(0, 9).map(remoteFile), attemptRecord(poison, 1)].sort());
		expect(peppolFolder.read(attemptRecord(poison, 1))).toMatch(/^Attempt 1 to store inbox item \S+ .* Error: \S+/);
		expect((await billit.visibleInbox())[0].InboxItemID).toBe(poison.InboxItemID);

		for (let attempt = 2; attempt <= ATTEMPTS; attempt++) {
			const run = await runOnceOnSchedule(n8n, workflow().id);
			assertSucceeded(run);
			const counted = nodeOutput(run, 'Count Attempts').find((item) => item.InboxItemID === poison.InboxItemID);
			expect(counted?.attempt).toBe(attempt);
			expect(outputIfRan(run, 'Confirm Parked Item')).toHaveLength(attempt === ATTEMPTS ? 1 : 0);
		}

		expect(await billit.visibleInbox()).toEqual([]);
		// The parked item's records stay until a later run finds it gone from the inbox.
		const records = [attemptRecord(poison, 1), attemptRecord(poison, 2)];
		expect(storedPaths()).toEqual([blockerContent, ...others.map(remoteFile), reasonFile(poison), ...records].sort());
		expect(new Set(peppolFolder.files().filter((file) => file.remotePath !== blockerContent).map((file) => file.mode.toString(8)))).toEqual(
			new Set(['664']),
		);
		const reason = peppolFolder.read(reasonFile(poison));
		expect(reason).toContain(`Inbox item ${poison.InboxItemID} (Peppol file ${poison.PeppolFileID}`);
		expect(reason).toContain(`failed ${ATTEMPTS} times`);
		expect(reason).toMatch(/Last error: \S+/);

		// The next run that finds a document deletes the records of items gone from the inbox.
		const [later] = await billit.receiveInvoices(1);
		const cleanUp = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(cleanUp);
		expect(outputIfRan(cleanUp, 'Delete Attempt Record')).toHaveLength(records.length);
		expect(storedPaths()).toEqual([blockerContent, ...others.map(remoteFile), reasonFile(poison), remoteFile(later)].sort());
	});
});
