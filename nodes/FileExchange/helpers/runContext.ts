import type { FileExchangeClient } from '../../../lib/exchange/client';
import type { CaseCollisionDetector } from '../../../lib/exchange/paths/path-template';
import type { PreparedFolders } from '../../../lib/exchange/paths/prepared-folders';
import type { ItemParameters } from './itemParameters';

/** State shared by all items of one execution. */
export interface RunContext {
	client: FileExchangeClient;
	caseCollisions: CaseCollisionDetector;
	folders: PreparedFolders;
	parameters: ItemParameters;
}
