import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/**
 * An operation that works on one input item. `run` is what the node set up once for the whole
 * execution (File Exchange's connection); nodes without such a setup get `undefined`.
 */
export interface ItemOperation<Run = undefined> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, run: Run): Promise<INodeExecutionData[]>;
}

/** An operation that turns all input items into its output at once (many invoices, one file); it pairs its output items itself. */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

/** One operation of an action node: its UI properties and what it does. */
export type Operation<Run = undefined> = ItemOperation<Run> | BatchOperation;

/** A resource: its operation selector and operations by value. */
export interface Resource<Run = undefined> {
	description: INodeProperties[];
	operations: Record<string, Operation<Run>>;
}
