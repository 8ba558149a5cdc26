import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StoredWorkflow } from '../../support/n8n/client';
import { repoRoot } from '../../support/n8n/repo';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { readExample } from '../../support/pipelines/examples';
import { renderedNodes, openWorkflow } from './canvas';
import { launchChromium, ownerSession } from './chromium';

const n8n = sharedN8n();
const example = readExample('sales-export.json');
// Shown in the README.
const SCREENSHOT = join(repoRoot, 'docs', 'editor-pipeline-1.png');
// The loaded machine may take minutes to serve the editor's bundle.
const UI_TIMEOUT_MS = 240_000;

let browser: Browser;
let workflow: StoredWorkflow;

beforeAll(async () => {
	browser = await launchChromium();
	workflow = await n8n.importWorkflow(example);
});

afterAll(async () => {
	await browser?.close();
	if (workflow) await n8n.deleteWorkflow(workflow.id);
});

describe('pipeline 1 in the n8n editor (headless Chromium)', () => {
	it("draws this package's nodes with their own icons; the screenshot goes to docs/", { timeout: 2 * UI_TIMEOUT_MS }, async () => {
		const context = await ownerSession(browser, n8n.coordinates);
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		try {
			const page = await context.newPage();
			const canvasNodes = example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
			await openWorkflow(page, workflow.id, canvasNodes.length);

			const rendered = await renderedNodes(page);
			expect(rendered.map((node) => node.name).sort()).toEqual(canvasNodes.map((node) => node.name).sort());
			const ours = rendered.filter((node) => node.type.startsWith(`${n8n.coordinates.packageName}.`));
			// Billit, Billit Peppol and File Exchange nodes are all in pipeline 1.
			expect(new Set(ours.map((node) => node.type))).toEqual(
				new Set(['billit', 'billitPeppol', 'fileExchange'].map((name) => n8n.typeName(name))),
			);
			for (const node of ours) {
				const fileName = `${node.type.slice(n8n.coordinates.packageName.length + 1)}.svg`;
				expect({ node: node.name, src: node.iconSrc, decodes: node.iconDecodes }).toEqual({
					node: node.name,
					src: expect.stringMatching(new RegExp(`^/icons/${n8n.coordinates.packageName}/dist/nodes/(?:[A-Za-z]+/)+${fileName}$`)),
					decodes: true,
				});
			}

			mkdirSync(join(repoRoot, 'docs'), { recursive: true });
			await page.screenshot({ path: SCREENSHOT });
		} finally {
			await context.close();
		}
	});
});
