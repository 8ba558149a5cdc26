/**
 * Whether the running n8n moves a failed item to a node's error output only when the item carries
 * the error itself. n8n 1.x does (its engine ignores an item whose JSON holds `details`); n8n 2.x
 * also routes by the JSON, and there an item's own error makes the engine replace the JSON with the
 * bare message, dropping `details`. The n8n-workflow that n8n hands its nodes tells the line apart.
 */
export function routesOnlyByItemError(): boolean {
	routesByItemError ??= workflowMajor() < 2;
	return routesByItemError;
}

let routesByItemError: boolean | undefined;

function workflowMajor(): number {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { version } = require('n8n-workflow/package.json') as { version?: string };
		return Number.parseInt(version ?? '', 10) || 2;
	} catch {
		// Not resolvable from here: assume the current line.
		return 2;
	}
}
