import { rmSync } from 'node:fs';

import { describe, expect, inject, it } from 'vitest';

import { assertSucceeded, nodeOutput } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient } from './billit-emulator';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExample } from './imported-example';
import { runOncePolled } from '../../support/pipelines/production-run';
import { SETTLED_AGE_MS, SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const inbound = new SftpFolder(sftp, '/inbound');
const example = readExample('import-folder.json');

const scan = (name: string) => `%PDF-1.4\n% scanned purchase invoice ${name}\n%%EOF\n`;

const workflow = useImportedExample(example);

describe('examples/import-folder.json: files deleted on the server', () => {
	it('changes nothing in Billit when an imported file is deleted from processed/ or a waiting file from /inbound', async () => {
		inbound.reset();
		await billit.reset();
		inbound.putFile('/inbound/a.pdf', scan('a'), SETTLED_AGE_MS);
		inbound.putFile('/inbound/b.pdf', scan('b'), SETTLED_AGE_MS);
		// Still being written as far as the trigger knows: seen, but not taken on this run.
		inbound.putFile('/inbound/fresh.pdf', scan('fresh'));

		const first = await runOncePolled(n8n, workflow().id);
		assertSucceeded(first);
		expect(nodeOutput(first, 'New File in Inbound').map((item) => item.name).sort()).toEqual(['a.pdf', 'b.pdf']);
		expect((await billit.filesUploadedForProcessing()).sort()).toEqual(['a.pdf', 'b.pdf']);

		rmSync(inbound.onDisk('/inbound/processed/a.pdf'));
		rmSync(inbound.onDisk('/inbound/fresh.pdf'));
		// A new file, so the next poll starts a run that would act on the deletions if it did at all.
		inbound.putFile('/inbound/c.pdf', scan('c'), SETTLED_AGE_MS);

		const second = await runOncePolled(n8n, workflow().id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'New File in Inbound').map((item) => item.name)).toEqual(['c.pdf']);

		const uploads = await billit.filesUploadedForProcessing();
		expect(uploads).toHaveLength(3);
		expect(uploads[2]).toBe('c.pdf');
		expect(await billit.requests('DELETE')).toEqual([]);
		expect(inbound.files().map((file) => file.remotePath)).toEqual(['/inbound/processed/b.pdf', '/inbound/processed/c.pdf']);
	});
});
