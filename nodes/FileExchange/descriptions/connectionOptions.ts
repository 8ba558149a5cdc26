import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { FileExchangeClient } from '../../../lib/exchange/client';
import { MAX_TRANSFERS_IN_FLIGHT } from '../../../lib/exchange/pool';
import { DEFAULT_SFTP_TRANSFERS_IN_FLIGHT, SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';

interface ConnectionOptions {
	transfersInFlight?: number;
	largeFilesOnOwnThread?: boolean;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Connection Options',
		name: 'connectionOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		// One FTP control connection carries one transfer, so FTP has nothing to set here.
		displayOptions: { show: { protocol: ['sftp'] } },
		options: [
			{
				displayName: 'Large Files on Own Thread',
				name: 'largeFilesOnOwnThread',
				type: 'boolean',
				default: false,
				description:
					"Whether uploads and downloads of 32 MiB or more run on a thread with an SSH connection of their own (a second login to the server while such a file moves): 1.5 to 2 times as fast through n8n, at up to about 50 MB more memory, and a download also takes the file's size in the system's temporary folder (memory, where that folder is a RAM disk)",

			},
			{
				displayName: 'Transfers in Flight',
				name: 'transfersInFlight',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_TRANSFERS_IN_FLIGHT, numberPrecision: 0 },
				default: DEFAULT_SFTP_TRANSFERS_IN_FLIGHT,
				description:
					'How many items are transferred at the same time over the one connection. Raise it for distant servers; lower it for servers that limit open files.',
			},
		],
	},
];

/** Gives the client the node's connection options when set; an out-of-range value (from an expression) stops the run. */
export function applyConnectionOptions(this: IExecuteFunctions, client: FileExchangeClient): void {
	const { transfersInFlight, largeFilesOnOwnThread } = this.getNodeParameter('connectionOptions', 0, {}) as ConnectionOptions;
	if (largeFilesOnOwnThread === true && client instanceof SftpExchangeClient) client.moveLargeFilesOnThreads();
	if (transfersInFlight === undefined) return;
	try {
		client.setMaxParallelTransfers(transfersInFlight);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message);
	}
}
