import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';
import { mapWithConcurrency } from '../../lib/exchange/pool';
import { routesOnlyByItemError } from './errorRouting';
import type { BatchOperation, ItemOperation, Operation, Resource } from './types';

/** What the user can do about an error that is not the service's own, shown under its message. */
export type ErrorHint = (error: unknown) => string | undefined;

/** What an error item carries besides the message, e.g. the rule violations of an invalid UBL file. */
export type ErrorDetails = (error: unknown) => IDataObject | undefined;

/** What a node sets up once for all items of an execution, such as File Exchange's connection. */
export interface RunSetup<Run> {
	/** Reads the execution-wide settings; a failure stops the execution. */
	open(this: IExecuteFunctions): Promise<Run> | Run;
	/** A failure here fails every item: under continue-on-fail each becomes an error item. */
	connect?(this: IExecuteFunctions, run: Run): Promise<void>;
	close?(run: Run): Promise<void>;
	/** How many items run at the same time (one unless given). */
	concurrency?(run: Run): number;
}

export interface RouterOptions<Run> {
	/** The node's resources by value; a node without a Resource parameter gives `operations` instead. */
	resources?: Record<string, Resource<Run>>;
	operations?: Record<string, Operation<Run>>;
	setup?: RunSetup<Run>;
	hint?: ErrorHint;
	errorDetails?: ErrorDetails;
}

/**
 * The one shape of a failed item under continue-on-fail: `error` (the message) and, when there is
 * more to say, `details` (`kind` for failures that have one, plus the node's own details). n8n 2.x's
 * error output takes an item as an error when its JSON holds no more than error, message and details;
 * n8n 1.x only when the item carries the error itself, which it then gets (on 2.x it would cost the details).
 */
export function errorItem(
	context: IExecuteFunctions,
	error: unknown,
	pairedItem: IPairedItemData | IPairedItemData[],
	errorDetails?: ErrorDetails,
	hint?: ErrorHint,
	carryError = routesOnlyByItemError(),
): INodeExecutionData {
	const message = error instanceof Error ? error.message : String(error);
	const kind = (error as { kind?: unknown } | undefined)?.kind;
	const details = { ...(typeof kind === 'string' ? { kind } : {}), ...errorDetails?.(error) };
	const item: INodeExecutionData = {
		json: { error: message, ...(Object.keys(details).length > 0 ? { details } : {}) },
		pairedItem,
	};
	if (carryError) item.error = asNodeError(context, error, (Array.isArray(pairedItem) ? pairedItem[0] : pairedItem)?.item, hint);
	return item;
}

/** Errors that already are n8n's keep their text and code; anything else becomes a NodeOperationError. */
export function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex?: number, hint?: ErrorHint) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex, description: hint?.(error) });
}

function operationFor<Run>(
	this: IExecuteFunctions,
	options: RouterOptions<Run>,
	itemIndex: number,
): Operation<Run> {
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	if (options.operations) {
		const found = options.operations[operation];
		if (!found) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
		return found;
	}
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const found = options.resources?.[resource]?.operations[operation];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
			{ itemIndex },
		);
	}
	return found;
}

function isBatch<Run>(operation: Operation<Run>): operation is BatchOperation {
	return 'executeBatch' in operation;
}

/**
 * The execute method of every action node: dispatches each input item to its operation (or all
 * items to a batch operation), pairs each output with its input, and under continue-on-fail turns a
 * failing item into an error item without stopping the others.
 */
export function createRouter<Run = undefined>(options: RouterOptions<Run>) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (items.length === 0) return [[]];
		const first = operationFor.call(this, options, 0);
		if (isBatch(first)) return [await first.executeBatch.call(this)];

		const setup = options.setup;
		const run = (await setup?.open.call(this)) as Run;
		const failure = await setup?.connect?.call(this, run).then(
			() => undefined,
			(error: unknown) => error ?? new Error('The connection failed'),
		);
		if (failure !== undefined) {
			if (!this.continueOnFail()) throw asNodeError(this, failure);
			return [items.map((_item, itemIndex) => errorItem(this, failure, { item: itemIndex }, options.errorDetails, options.hint))];
		}
		try {
			const results = await mapWithConcurrency(items.length, setup?.concurrency?.(run) ?? 1, async (itemIndex) => {
				try {
					const operation = itemIndex === 0 ? first : operationFor.call(this, options, itemIndex);
					const output = await (operation as ItemOperation<Run>).execute.call(this, itemIndex, run);
					return output.map((item) => ({ pairedItem: { item: itemIndex }, ...item }));
				} catch (error) {
					if (this.continueOnFail()) return [errorItem(this, error, { item: itemIndex }, options.errorDetails, options.hint)];
					throw asNodeError(this, error, itemIndex, options.hint);
				}
			});
			return [results.flat()];
		} finally {
			await setup?.close?.(run);
		}
	};
}
