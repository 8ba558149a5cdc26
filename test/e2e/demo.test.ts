import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import SftpClient from 'ssh2-sftp-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoCredentialLines } from '../../scripts/demo/credentials';
import { startDemo, type RunningDemo } from '../../scripts/demo/start';
import type { WorkflowFile } from '../support/n8n/client';
import { assertSucceeded, nodeOutput } from '../support/n8n/run-data';
import { runOnceOnSchedule, shortenSchedule } from '../support/pipelines/production-run';

// `npm run demo` as a user meets it, driven with n8n's own FTP node (protocol SFTP, which connects
// with zlib compression offered first) against the demo's embedded SFTP server.
const FILES = 100;
const FTP = 'n8n-nodes-base.ftp';

let demo: RunningDemo;
let demoDir: string;
const unhandled: unknown[] = [];
const noteUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
	process.on('unhandledRejection', noteUnhandled);
	demoDir = mkdtempSync(join(tmpdir(), 'billit-demo-e2e-'));
	demo = await startDemo(demoDir, (message) => console.log(`[demo e2e] ${message}`));
});

afterAll(async () => {
	process.off('unhandledRejection', noteUnhandled);
	await demo?.stop();
	rmSync(demoDir, { recursive: true, force: true });
});


/** Manual Trigger → the given nodes in a row; each FTP node gets the demo's SFTP credential. */
async function ftpWorkflow(name: string, nodes: Array<{ name: string; type: string; typeVersion: number; parameters: Record<string, unknown> }>): Promise<string> {
	const [sftp] = demo.credentials.get('sftp') ?? [];
	if (!sftp) throw new Error("the demo created no credential of n8n's type sftp");
	const credential = { sftp: { id: sftp.id, name: sftp.name } };
	const all = [{ name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes];
	const workflow: WorkflowFile = {
		name,
		nodes: all.map((node, index) => ({
			...node,
			id: `d3m0${String(index).padStart(4, '0')}-0000-4000-8000-000000000000`,
			position: [index * 220, 0],
			...(node.type === FTP ? { credentials: credential } : {}),
		})),
		connections: Object.fromEntries(
			all.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] }]),
		),
	};
	return (await demo.n8n.importWorkflow(workflow)).id;
}

const ftpNode = (name: string, parameters: Record<string, unknown>) => ({ name, type: FTP, typeVersion: 1.1, parameters: { protocol: 'sftp', ...parameters } });

describe('the demo', () => {
	it('prints every credential a user needs, and created them in n8n', () => {
		const text = demoCredentialLines(demo.emulator, demo.sftp, demo.credentials).join('\n');
		const { apiKey, partyIds } = demo.emulator.admin.credentials();
		for (const value of [demo.emulator.url, apiKey, String(partyIds[0]), String(demo.sftp.port), demo.sftp.password, demo.sftp.fingerprint]) {
			expect(text).toContain(value);
		}
		expect([...demo.credentials.keys()].sort()).toEqual(['billitApi', 'fileExchangeSftpApi', 'sftp']);
	});

	it(`survives n8n's FTP node listing, downloading, uploading and renaming ${FILES} files over compressed SFTP`, { timeout: 600_000 }, async () => {
		const inbound = join(demo.sftp.root, 'bulk', 'in');
		mkdirSync(inbound, { recursive: true });
		const contents = new Map<string, Buffer>();
		for (let index = 0; index < FILES; index++) {
			const name = `file-${String(index).padStart(3, '0')}.bin`;
			contents.set(name, randomBytes(2048 + index * 97));
			writeFileSync(join(inbound, name), contents.get(name)!);
		}
		const workflowId = await ftpWorkflow('Demo: n8n FTP node round trip', [
			ftpNode('List', { operation: 'list', path: '/bulk', recursive: true }),
			{
				name: 'Files Only',
				type: 'n8n-nodes-base.filter',
				typeVersion: 2.2,
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [{ id: 'd3m00001-0000-4000-8000-0000000000f1', leftValue: '={{ $json.type }}', rightValue: '-', operator: { type: 'string', operation: 'equals' } }],
						combinator: 'and',
					},
					options: {},
				},
			},
			ftpNode('Download', { operation: 'download', path: '={{ $json.path }}', binaryPropertyName: 'data' }),
			ftpNode('Upload', { operation: 'upload', path: '=/bulk/out/{{ $json.name }}', binaryData: true, binaryPropertyName: 'data' }),
			ftpNode('Rename', { operation: 'rename', oldPath: '=/bulk/out/{{ $json.name }}', newPath: '=/bulk/done/{{ $json.name }}', options: { createDirectories: true } }),
		]);

		const execution = await demo.n8n.runManually(workflowId, { timeoutMs: 480_000 });
		assertSucceeded(execution);

		// The folder is seen as a folder: the recursive listing went into it.
		const listed = nodeOutput(execution, 'List');
		expect(listed.filter((entry) => entry.type === 'd').map((entry) => entry.name)).toEqual(['in']);
		expect(listed.filter((entry) => entry.type === '-')).toHaveLength(FILES);
		for (const node of ['Download', 'Upload', 'Rename']) expect(nodeOutput(execution, node)).toHaveLength(FILES);
		expect(readdirSync(join(demo.sftp.root, 'bulk', 'out'))).toEqual([]);
		for (const [name, content] of contents) {
			expect(readFileSync(join(demo.sftp.root, 'bulk', 'done', name)).equals(content), name).toBe(true);
		}

		// Still serving after n8n's connections came and went.
		const client = new SftpClient();
		await client.connect({ host: demo.sftp.host, port: demo.sftp.port, username: demo.sftp.username, password: demo.sftp.password });
		try {
			expect(await client.list('/bulk/done')).toHaveLength(FILES);
		} finally {
			await client.end();
		}
		expect(unhandled).toEqual([]);
	});

	it("runs the example of built-in Schedule and FTP (SFTP) nodes with the Billit node on its schedule", async () => {
		const workflowId = demo.workflows.get('partner-csv-builtin-ftp.json');
		if (!workflowId) throw new Error('the demo did not import examples/partner-csv-builtin-ftp.json');
		await shortenSchedule(demo.n8n, workflowId);
		const execution = await runOnceOnSchedule(demo.n8n, workflowId);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');
		const [uploaded] = nodeOutput(execution, "Upload With n8n's FTP Node");
		expect(uploaded).toBeDefined();
		const partner = join(demo.sftp.root, 'partner');
		const csvFiles = readdirSync(partner, { recursive: true }).map(String).filter((name) => name.endsWith('.csv'));
		expect(csvFiles).toHaveLength(1);
		expect(readFileSync(join(partner, csvFiles[0]), 'utf8')).toMatch(/^\ufeff?invoice_number,/);
		expect(unhandled).toEqual([]);
	});
});
