import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { BillitResource } from './types';
import { resources } from './resources';

/** What the user can do about an error that is not Billit's own, shown under its message. */
export type ErrorHint = (error: unknown) => string | undefined;

/** Billit's own errors keep their code and text; anything else becomes a NodeOperationError. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number, hint?: ErrorHint) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, {
		itemIndex,
		description: hint?.(error),
	});
}

/** A router that dispatches each input item to its resource's operation; nothing else. A failing
 * item never stops the rest under continue-on-fail. */
export function createRouter(
	nodeResources: Record<string, BillitResource>,
	hint?: ErrorHint,
	// n8n 2.x's error output takes an item as an error when its JSON holds no more than error, message and details.
	errorFields?: (error: unknown) => Pick<IDataObject, 'details'> | undefined,
) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const handler = nodeResources[resource]?.operations[operation];
				if (!handler) {
					throw new NodeOperationError(
						this.getNode(),
						`The operation "${operation}" of resource "${resource}" is not supported`,
						{ itemIndex },
					);
				}
				const results = await handler.execute.call(this, itemIndex);
				// One push per result: Return All can give more items than push(...array) takes arguments.
				for (const result of this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } })) {
					output.push(result);
				}
			} catch (error) {
				if (this.continueOnFail()) {
					// The error on the item itself is what n8n 1.x's error output goes by (details in the JSON are not).
					output.push({
						json: { error: (error as Error).message, ...errorFields?.(error) },
						error: asNodeError(this, error, itemIndex, hint),
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				throw asNodeError(this, error, itemIndex, hint);
			}
		}
		return [output];
	};
}

export const router = createRouter(resources);
