import type { N8nExecution } from '../../support/n8n/run-data';

/** OrderIDs of the items a node emitted in its last run (`orderId` of a webhook, `OrderID` of a polled invoice). */
export function orderIdsOf(execution: N8nExecution, nodeName: string): number[] {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	const items = runs.at(-1)?.data?.main?.[0] ?? [];
	return items.map(({ json }) => Number(json.orderId ?? json.OrderID));
}

/** Values that occur more than once. */
export function repeated(values: number[]): number[] {
	const seen = new Set<number>();
	return [...new Set(values.filter((value) => seen.has(value) || !seen.add(value)))];
}
