import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

/** `664` or `0664` → 0o664; empty → undefined (leave the server default). */
export function parseFileMode(this: IExecuteFunctions, text: string, itemIndex: number): number | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (!/^0?[0-7]{3}$/.test(trimmed)) {
		throw new NodeOperationError(this.getNode(), `"${trimmed}" is not an octal file mode such as 664`, { itemIndex });
	}
	return parseInt(trimmed, 8);
}

/** The input item (JSON and binary files) with this node's result under `fileExchange`, paired with its input. */
export function passThroughWithResult(
	this: IExecuteFunctions,
	itemIndex: number,
	result: IDataObject,
): INodeExecutionData[] {
	const input = this.getInputData()[itemIndex];
	const item: INodeExecutionData = { json: { ...input.json, fileExchange: result }, pairedItem: { item: itemIndex } };
	if (input.binary) item.binary = input.binary;
	return [item];
}

/** `YYYY`, `YYYY/MM` or `YYYY/MM/DD` of now in Europe/Brussels, for dated archive folders. */
export function brusselsDateFolder(layout: string, now: Date): string {
	if (layout === 'none') return '';
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	const segments = {
		year: [part('year')],
		month: [part('year'), part('month')],
		day: [part('year'), part('month'), part('day')],
	};
	return (segments[layout as keyof typeof segments] ?? []).join('/');
}
