import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { ExchangeProtocol } from '../../../lib/exchange/client';
import { createExchangeClient } from '../../../lib/exchange/credentials';
import { CaseCollisionDetector } from '../../../lib/exchange/path-template';
import { mapWithConcurrency } from '../../../lib/exchange/pool';
import { PreparedFolders } from '../../../lib/exchange/prepared-folders';
import { applyConnectionOptions } from './connection-options';
import * as del from './delete.operation';
import * as download from './download.operation';
import { ItemParameters } from './item-parameters';
import * as list from './list.operation';
import * as move from './move.operation';
import type { Operation, RunContext } from './types';
import * as upload from './upload.operation';
import * as writeReasonFile from './writeReasonFile.operation';

export const operations: Record<string, Operation> = { upload, download, list, move, delete: del, writeReasonFile };

export const CREDENTIAL_BY_PROTOCOL: Record<ExchangeProtocol, string> = {
	sftp: 'fileExchangeSftpApi',
	ftp: 'fileExchangeFtpApi',
};

function errorItem(this: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const cause = error instanceof Error ? error : new Error(String(error));
	const kind = (error as { kind?: string }).kind;
	// n8n 2.x routes an item to the node's error output when its json holds nothing but error,
	// message and details (so the failure kind lives inside details); n8n 1.x only when the item
	// carries the error itself.
	return {
		json: { error: cause.message, ...(kind ? { details: { kind } } : {}) },
		error: new NodeOperationError(this.getNode(), cause, { itemIndex }),
		pairedItem: { item: itemIndex },
	};
}

/** One connection per execution, reused by every item; several items in flight where the protocol allows. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const protocol = this.getNodeParameter('protocol', 0) as ExchangeProtocol;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (!operation) throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known`);

	const client = createExchangeClient(protocol, await this.getCredentials(CREDENTIAL_BY_PROTOCOL[protocol]));
	applyConnectionOptions.call(this, client);
	const connected = await client.connect().then(
		() => undefined,
		(error: unknown) => error,
	);
	if (connected !== undefined) {
		if (this.continueOnFail()) return [items.map((_item, index) => errorItem.call(this, connected, index))];
		throw new NodeOperationError(this.getNode(), connected as Error);
	}
	const context: RunContext = {
		client,
		caseCollisions: new CaseCollisionDetector(),
		folders: new PreparedFolders(client),
		parameters: new ItemParameters(this),
	};
	try {
		const results = await mapWithConcurrency(items.length, client.maxParallelTransfers, async (index) => {
			try {
				return await operation.execute.call(this, context, index);
			} catch (error) {
				if (this.continueOnFail()) return [errorItem.call(this, error, index)];
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: index });
			}
		});
		return [results.flat()];
	} finally {
		await client.close();
	}
}
