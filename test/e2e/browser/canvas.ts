import type { Page } from 'playwright-core';

/** A node as the editor drew it on the canvas, with the icon it shows. */
export interface RenderedNode {
	name: string;
	type: string;
	iconSrc: string | null;
	/** The icon image loaded and decodes (a 404 or an unreadable file does not). */
	iconDecodes: boolean;
}

const CANVAS_NODE = '[data-test-id="canvas-node"]';

/** Opens a workflow in the editor and waits until its canvas shows every node. */
export async function openWorkflow(page: Page, workflowId: string, nodeCount: number): Promise<void> {
	await page.goto(`/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
	await page.locator(CANVAS_NODE).nth(nodeCount - 1).waitFor();
}

/** Every node on the canvas; file icons are `<img>`s, n8n's own icons are inline SVG. */
export async function renderedNodes(page: Page): Promise<RenderedNode[]> {
	// Waiting for each icon's decode also waits for icons still loading.
	return await page.$$eval(CANVAS_NODE, async (elements) =>
		await Promise.all(
			elements.map(async (element) => {
				const image = element.querySelector('img');
				const iconDecodes = image ? await image.decode().then(() => image.naturalWidth > 0, () => false) : false;
				return {
					name: element.getAttribute('data-node-name') ?? '',
					type: element.getAttribute('data-node-type') ?? '',
					iconSrc: image?.getAttribute('src') ?? null,
					iconDecodes,
				};
			}),
		),
	);
}
