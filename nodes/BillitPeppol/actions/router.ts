import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { UblBuildError, UblDocumentError, UblXmlError } from '../../../lib/ubl/errors';
import { InvalidUblError } from '../helpers/validation';
import { resources } from './resources';

/** What the user can do about a UBL problem, shown under the error message. */
function ublHint(error: unknown): string | undefined {
	if (error instanceof UblXmlError) return 'The file is not readable XML at the given line and column';
	if (error instanceof UblDocumentError) return 'The XML is not a UBL invoice, credit note or Peppol response this node reads';
	if (error instanceof InvalidUblError) {
		return 'Run "Pre-Validate UBL" for every violation with its rule id and element path';
	}
	if (error instanceof UblBuildError) return 'The Billit invoice lacks something a Peppol document requires';
	return undefined;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, {
		itemIndex,
		description: ublHint(error),
	});
}

/** Dispatches each input item to its resource's operation; a failing item never stops the rest under continue-on-fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = resources[resource]?.operations[operation];
			if (!handler) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" of resource "${resource}" is not supported`,
					{ itemIndex },
				);
			}
			const results = await handler.execute.call(this, itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this, error, itemIndex);
		}
	}
	return [output];
}
