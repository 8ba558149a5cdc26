import type { IExecuteFunctions } from 'n8n-workflow';

import type { ExchangeProtocol } from '../../../lib/exchange/client';
import { createExchangeClient } from '../../../lib/exchange/credentials/credentials';
import { CaseCollisionDetector } from '../../../lib/exchange/paths/path-template';
import { PreparedFolders } from '../../../lib/exchange/paths/prepared-folders';
import { createRouter, type RunSetup } from '../../shared/router';
import type { Operation } from '../../shared/types';
import { applyConnectionOptions } from '../descriptions/connectionOptions';
import * as del from './delete.operation';
import * as download from './download.operation';
import { ItemParameters } from '../helpers/itemParameters';
import * as list from './list.operation';
import * as move from './move.operation';
import type { RunContext } from '../helpers/runContext';
import * as upload from './upload.operation';
import * as writeReasonFile from './writeReasonFile.operation';

/** The operations of the node's one resource, File (the Resource parameter only names it in the UI). */
export const operations: Record<string, Operation<RunContext>> = {
	upload,
	download,
	list,
	move,
	delete: del,
	writeReasonFile,
};

export const CREDENTIAL_BY_PROTOCOL: Record<ExchangeProtocol, string> = {
	sftp: 'fileExchangeSftpApi',
	ftp: 'fileExchangeFtpApi',
};

/** One connection per execution, reused by every item; several items in flight where the protocol allows. */
const connection: RunSetup<RunContext> = {
	async open(this: IExecuteFunctions) {
		const protocol = this.getNodeParameter('protocol', 0) as ExchangeProtocol;
		const client = createExchangeClient(protocol, await this.getCredentials(CREDENTIAL_BY_PROTOCOL[protocol]));
		applyConnectionOptions.call(this, client);
		return {
			client,
			caseCollisions: new CaseCollisionDetector(),
			folders: new PreparedFolders(client),
			parameters: new ItemParameters(this),
		};
	},
	connect: async (run) => await run.client.connect(),
	close: async (run) => await run.client.close(),
	concurrency: (run) => run.client.maxParallelTransfers,
};

export const router = createRouter({ operations, setup: connection });
