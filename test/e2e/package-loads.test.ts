import { describe, expect, it } from 'vitest';

import type { WorkflowFile } from '../support/n8n/client';
import { declaredTypes } from '../support/n8n/package-manifest';
import { repoRoot } from '../support/n8n/repo';
import { assertSucceeded, nodeOutput } from '../support/n8n/run-data';
import { sharedN8n } from '../support/n8n/shared-instance';

const n8n = sharedN8n();

function missing(expected: string[], loaded: Array<{ name: string }>): string[] {
	const names = new Set(loaded.map((type) => type.name));
	return expected.filter((name) => !names.has(name));
}

describe('the packed package in a real n8n', () => {
	it('is installed under its own package name', () => {
		expect(n8n.coordinates.packageName).toBe(declaredTypes(repoRoot).packageName);
	});

	it('loads exactly the node types package.json declares, plus the tool variants of usableAsTool nodes', async () => {
		const declared = declaredTypes(repoRoot);
		const expected = [...declared.nodes, ...declared.toolNodes].map((name) => n8n.typeName(name));
		const loaded = await n8n.nodeTypes();
		expect(missing(expected, loaded)).toEqual([]);
		// Versioned nodes are listed once per version; the set of names must match exactly.
		const fromThisPackage = new Set(loaded.map((type) => type.name).filter((name) => name.startsWith(n8n.typeName(''))));
		expect([...fromThisPackage].sort()).toEqual([...new Set(expected)].sort());
	});

	it("serves a light and a dark icon for each of this package's node and credential types", async () => {
		const ours = [...(await n8n.nodeTypes()), ...(await n8n.credentialTypes())].filter(
			(type) => type.name.startsWith(n8n.typeName('')) || declaredTypes(repoRoot).credentials.includes(type.name),
		) as Array<{ name: string; iconUrl?: { light?: string; dark?: string } }>;
		expect(ours.length).toBeGreaterThan(8);
		for (const type of ours) {
			const urls = [type.iconUrl?.light, type.iconUrl?.dark];
			expect(urls, type.name).toEqual([expect.stringMatching(/\.svg$/), expect.stringMatching(/\.svg$/)]);
			for (const url of urls) {
				const response = await fetch(new URL(`/${String(url)}`, n8n.coordinates.baseUrl));
				expect({ type: type.name, url, status: response.status }).toEqual({ type: type.name, url, status: 200 });
				expect(await response.text()).toContain('<svg');
			}
		}
	});

	it('loads every credential type package.json declares', async () => {
		// Credential types keep their plain name; only node types get the package prefix.
		expect(missing(declaredTypes(repoRoot).credentials, await n8n.credentialTypes())).toEqual([]);
	});
});

describe('a workflow run through the REST API', () => {
	const workflow: WorkflowFile = {
		name: 'e2e: manual trigger and set',
		nodes: [
			{
				id: 'b5b4e3c3-0c1e-4b7a-9a51-0d6b1c0e0001',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b5b4e3c3-0c1e-4b7a-9a51-0d6b1c0e0002',
				name: 'Set Invoice',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{ id: 'a1', name: 'orderNumber', type: 'string', value: '2026/0001' },
							{ id: 'a2', name: 'total', type: 'number', value: '={{ 100 * 1.21 }}' },
						],
					},
					options: {},
				},
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Set Invoice', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};

	it('imports the workflow, runs it and returns the Set node output in the run data', async () => {
		const stored = await n8n.importWorkflow(workflow);
		try {
			const execution = await n8n.runManually(stored.id);
			assertSucceeded(execution);
			expect(execution.mode).toBe('manual');
			expect(nodeOutput(execution, 'Set Invoice')).toEqual([{ orderNumber: '2026/0001', total: 121 }]);
		} finally {
			await n8n.deleteWorkflow(stored.id);
		}
	});

	it('reports a failed run with the error n8n recorded', async () => {
		const failing: WorkflowFile = {
			...workflow,
			name: 'e2e: manual trigger and stop and error',
			nodes: [
				workflow.nodes[0],
				{
					id: 'b5b4e3c3-0c1e-4b7a-9a51-0d6b1c0e0003',
					name: 'Set Invoice',
					type: 'n8n-nodes-base.stopAndError',
					typeVersion: 1,
					position: [220, 0],
					parameters: { errorMessage: 'invoice 2026/0001 refused' },
				},
			],
		};
		const stored = await n8n.importWorkflow(failing);
		try {
			const execution = await n8n.runManually(stored.id);
			expect(execution.status).toBe('error');
			expect(() => assertSucceeded(execution)).toThrow(/Set Invoice: invoice 2026\/0001 refused/);
		} finally {
			await n8n.deleteWorkflow(stored.id);
		}
	});
});

describe('a published workflow', () => {
	it('answers on the instance webhook URL as soon as publishing returns, and its run is readable', async () => {
		const path = `e2e-${Date.now()}`;
		const stored = await n8n.importWorkflow({
			name: 'e2e: webhook',
			nodes: [
				{
					id: 'b5b4e3c3-0c1e-4b7a-9a51-0d6b1c0e0004',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'b5b4e3c3-0c1e-4b7a-9a51-0d6b1c0e0005',
					parameters: { httpMethod: 'POST', path, options: {} },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		try {
			expect((await n8n.activateWorkflow(stored.id)).active).toBe(true);
			const response = await fetch(`${n8n.coordinates.baseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ orderId: 42 }),
			});
			expect(response.status).toBe(200);
			const execution = await n8n.waitForExecutionOf(stored.id);
			assertSucceeded(execution);
			expect(execution.mode).toBe('webhook');
			expect(nodeOutput(execution, 'Webhook')[0]).toMatchObject({ body: { orderId: 42 } });
			expect((await n8n.deactivateWorkflow(stored.id)).active).toBe(false);
		} finally {
			await n8n.deleteWorkflow(stored.id);
		}
	});
});
