import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, inject, it } from 'vitest';

import { assertSucceeded, nodeOutput } from '../../support/n8n/run-data';
import { repoRoot } from '../../support/n8n/repo';
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
const GOOD_FILES_PER_KIND = 8;

const baseUbl = readFileSync(join(repoRoot, 'test/fixtures/ubl/base-example.xml'), 'utf8');

function ublNumbered(id: string): string {
	const changed = baseUbl.replace('<cbc:ID>Snippet1</cbc:ID>', `<cbc:ID>${id}</cbc:ID>`);
	if (changed === baseUbl) throw new Error('the UBL fixture has no invoice ID to replace');
	return changed;
}

/** Always fails pre-validation (BR-CO-16: the amount due does not add up). */
function poisonedUbl(): string {
	const changed = ublNumbered('POISON-1').replace(/(<cbc:PayableAmount currencyID="EUR">)[^<]+/, '$11.00');
	if (!changed.includes('>1.00</cbc:PayableAmount>')) throw new Error('the UBL fixture has no PayableAmount to break');
	return changed;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function goodFiles(): Map<string, Buffer | string> {
	const files = new Map<string, Buffer | string>();
	for (let index = 1; index <= GOOD_FILES_PER_KIND; index++) {
		files.set(`invoice-${index}.xml`, ublNumbered(`INV-${index}`));
		files.set(`scan-${index}.pdf`, `%PDF-1.4\n% scanned purchase invoice ${index}\n%%EOF\n`);
		files.set(`photo-${index}.png`, Buffer.concat([PNG_SIGNATURE, Buffer.from(`receipt ${index}`)]));
	}
	return files;
}

const workflow = useImportedExample(example);

beforeEach(async () => {
	inbound.reset();
	await billit.reset();
});

describe('examples/import-folder.json in a real n8n, started by its File Exchange Trigger', () => {
	it('imports 24 files into Billit and moves them to processed/, parking the one poisoned UBL in error/ with its reason', async () => {
		const good = goodFiles();
		for (const [name, content] of good) inbound.putFile(`/inbound/${name}`, content, SETTLED_AGE_MS);
		inbound.putFile('/inbound/poisoned.xml', poisonedUbl(), SETTLED_AGE_MS);

		const execution = await runOncePolled(n8n, workflow().id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');
		expect(nodeOutput(execution, 'New File in Inbound')).toHaveLength(good.size + 1);

		const goodNames = [...good.keys()].sort();
		expect(inbound.files().map((file) => file.remotePath)).toEqual(
			[
				...goodNames.map((name) => `/inbound/processed/${name}`),
				'/inbound/error/poisoned.xml',
				'/inbound/error/poisoned.xml.reason.txt',
			].sort(),
		);
		expect((await billit.filesUploadedForProcessing()).sort()).toEqual(goodNames);
		expect(inbound.read('/inbound/error/poisoned.xml')).toBe(poisonedUbl());
		expect(inbound.read('/inbound/error/poisoned.xml.reason.txt')).toMatch(/POISON-1 fails pre-validation: .*BR-CO-16.*\nBR-CO-16 at \//);
	});
});
