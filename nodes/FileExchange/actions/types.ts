import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { FileExchangeClient } from '../../../lib/exchange/client';
import type { CaseCollisionDetector } from '../../../lib/exchange/path-template';
import type { PreparedFolders } from '../../../lib/exchange/prepared-folders';

/** State shared by all items of one execution. */
export interface RunContext {
	client: FileExchangeClient;
	caseCollisions: CaseCollisionDetector;
	folders: PreparedFolders;
}

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, context: RunContext, itemIndex: number): Promise<INodeExecutionData[]>;
}
