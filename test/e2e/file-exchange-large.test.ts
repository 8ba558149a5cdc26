import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

import { chain, fileExchangeNode, manualTrigger } from './billit-workflow-nodes';
import type { StoredCredential, StoredWorkflow } from '../support/n8n/client';
import { assertSucceeded, nodeOutput } from '../support/n8n/run-data';
import { sharedN8n } from '../support/n8n/shared-instance';
import { fileExchangeSftpCredential } from '../support/pipelines/credentials';
import { SftpFolder } from '../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const sftp = inject('testServers').sftp;
const folder = new SftpFolder(sftp, '/large');
/** Above the 32 MiB from which File Exchange, with Large Files on Own Thread, moves a file on a thread of its own. */
const SIZE = 40 * 1024 * 1024;

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

let credential: StoredCredential;
let workflow: StoredWorkflow;

// Large Files on Own Thread: each transfer leaves n8n's main thread for a worker with its own connection.
const fileExchange = (name: string, parameters: Record<string, unknown>) =>
	fileExchangeNode(n8n, credential, name, { connectionOptions: { largeFilesOnOwnThread: true }, ...parameters });

beforeAll(async () => {
	credential = await n8n.createCredential('e2e large files SFTP', 'fileExchangeSftpApi', fileExchangeSftpCredential(sftp));
	workflow = await n8n.importWorkflow(
		chain('e2e: File Exchange large file down and up', [
			manualTrigger(),
			fileExchange('Download', { operation: 'download', path: '/large/original.bin', binaryPropertyName: 'data' }),
			fileExchange('Upload', {
				operation: 'upload',
				binaryPropertyName: 'data',
				baseFolder: '/large',
				pathTemplate: '/large/copy/[file_name]',
				uploadOptions: { fileMode: '664', onConflict: 'overwrite' },
			}),
		]),
	);
});

afterAll(async () => {
	if (workflow) await n8n.deleteWorkflow(workflow.id);
	if (credential) await n8n.deleteCredential(credential.id);
});

/** SFTP sessions the server has opened so far (internal-sftp logs one line for each). */
const sftpSessionsOpened = () => readFileSync(sftp.logFile, 'utf8').split('\n').filter((line) => line.includes('session opened')).length;

describe('File Exchange moving a 40 MiB file in a real n8n, each transfer on its own thread (binary data streamed)', () => {
	it('downloads it into binary data and uploads that binary again, byte for byte with mode 664', async () => {
		folder.reset();
		const content = randomBytes(SIZE);
		folder.putFile('/large/original.bin', content);

		const sessionsBefore = sftpSessionsOpened();
		const execution = await n8n.runManually(workflow.id, { timeoutMs: 300_000 });
		assertSucceeded(execution);
		// Each node's own connection, and one more for its transfer's thread.
		await vi.waitFor(() => expect(sftpSessionsOpened() - sessionsBefore).toBe(4));
		const [uploaded] = nodeOutput(execution, 'Upload');
		expect(uploaded.fileExchange).toMatchObject({ path: '/large/copy/original.bin', status: 'uploaded', bytes: SIZE });
		const copy = folder.onDisk('/large/copy/original.bin');
		expect(sha256(readFileSync(copy))).toBe(sha256(content));
		expect(statSync(copy).mode & 0o777).toBe(0o664);
	});
});
