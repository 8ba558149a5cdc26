import type { WorkflowFile } from '../../test/support/n8n/client';

const LISTING_NODE = 'Sent Invoices Not Exported';

/**
 * Pipeline 1 as shipped, except that its listing returns at most `limit` invoices per run (Return
 * All off): the one change a user makes to work through a large backlog in bounded runs.
 */
export function cappedSalesExport(example: WorkflowFile, limit: number): WorkflowFile {
	const listings = example.nodes.filter((node) => node.name === LISTING_NODE);
	if (listings.length !== 1) throw new Error(`the sales export has ${listings.length} nodes named "${LISTING_NODE}", expected 1`);
	return {
		...example,
		name: `${example.name} (at most ${limit} per run)`,
		nodes: example.nodes.map((node) =>
			node.name === LISTING_NODE
				? { ...node, parameters: { ...(node.parameters as Record<string, unknown>), returnAll: false, limit } }
				: node,
		),
	};
}
