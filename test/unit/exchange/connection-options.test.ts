import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { FtpExchangeClient } from '../../../lib/exchange/ftp/ftp-client';
import { checkedTransfersInFlight, MAX_TRANSFERS_IN_FLIGHT } from '../../../lib/exchange/pool';
import { DEFAULT_SFTP_TRANSFERS_IN_FLIGHT, LARGE_FILE_THREAD_MIN_BYTES, SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';
import { applyConnectionOptions, description } from '../../../nodes/FileExchange/descriptions/connectionOptions';
import { FileExchange } from '../../../nodes/FileExchange/FileExchange.node';

const node = { name: 'File Exchange' } as INode;

function nodeWith(connectionOptions: Record<string, unknown> | undefined): IExecuteFunctions {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name === 'connectionOptions' && connectionOptions !== undefined ? connectionOptions : fallback,
	} as unknown as IExecuteFunctions;
}

// Neither client connects in these tests: the constructors only keep their options.
const sftpClient = () => new SftpExchangeClient({ host: '127.0.0.1', port: 22, username: 'u', password: 'p' });
const ftpClient = () =>
	new FtpExchangeClient({ host: '127.0.0.1', port: 21, user: 'u', password: 'p', tls: 'none' });

describe('Large Files on Own Thread', () => {
	it('is off unless turned on: every transfer then stays on the one connection', () => {
		for (const options of [undefined, {}, { largeFilesOnOwnThread: false }]) {
			const client = sftpClient();
			applyConnectionOptions.call(nodeWith(options), client);
			expect(client.threadThresholds).toEqual({ upload: Number.POSITIVE_INFINITY, download: Number.POSITIVE_INFINITY });
		}
	});

	it('is an SFTP-only boolean node option, off by default', () => {
		const [collection] = description;
		const option = collection.options?.find((entry) => entry.name === 'largeFilesOnOwnThread');
		expect(option).toMatchObject({ type: 'boolean', default: false });
		expect(collection.displayOptions).toEqual({ show: { protocol: ['sftp'] } });
	});

	it('uploads and downloads files of 32 MiB and more on their own thread when turned on', () => {
		const client = sftpClient();
		applyConnectionOptions.call(nodeWith({ largeFilesOnOwnThread: true }), client);
		expect(client.threadThresholds).toEqual({ upload: LARGE_FILE_THREAD_MIN_BYTES, download: LARGE_FILE_THREAD_MIN_BYTES });
		expect(LARGE_FILE_THREAD_MIN_BYTES).toBe(32 * 1024 * 1024);
	});
});

describe('Transfers in Flight', () => {
	it('leaves the SFTP default when the option is not set', () => {
		const client = sftpClient();
		applyConnectionOptions.call(nodeWith(undefined), client);
		applyConnectionOptions.call(nodeWith({}), client);
		expect(client.maxParallelTransfers).toBe(DEFAULT_SFTP_TRANSFERS_IN_FLIGHT);
	});

	it('gives the SFTP client the number asked for, down to 1 and up to the bound', () => {
		for (const count of [1, 64, MAX_TRANSFERS_IN_FLIGHT]) {
			const client = sftpClient();
			applyConnectionOptions.call(nodeWith({ transfersInFlight: count }), client);
			expect(client.maxParallelTransfers).toBe(count);
		}
	});

	it('keeps FTP at one transfer whatever is asked', () => {
		const client = ftpClient();
		applyConnectionOptions.call(nodeWith({ transfersInFlight: 32 }), client);
		expect(client.maxParallelTransfers).toBe(1);
	});

	it.each([0, -1, 2.5, MAX_TRANSFERS_IN_FLIGHT + 1, Number.NaN])('refuses %s for either protocol', (count) => {
		for (const client of [sftpClient(), ftpClient()]) {
			const before = client.maxParallelTransfers;
			expect(() => applyConnectionOptions.call(nodeWith({ transfersInFlight: count }), client)).toThrow(NodeOperationError);
			expect(() => applyConnectionOptions.call(nodeWith({ transfersInFlight: count }), client)).toThrow(
				`from 1 to ${MAX_TRANSFERS_IN_FLIGHT}`,
			);
			expect(client.maxParallelTransfers).toBe(before);
		}
	});

	it('checks bounds in the library too', () => {
		expect(checkedTransfersInFlight(7)).toBe(7);
		expect(() => checkedTransfersInFlight(0)).toThrow(RangeError);
	});

	it('is an SFTP-only node option bounded like the library, defaulting to the client default', () => {
		const [collection] = description;
		const option = collection.options?.find((entry) => entry.name === 'transfersInFlight') as (typeof description)[number];
		expect(collection.displayOptions).toEqual({ show: { protocol: ['sftp'] } });
		expect(option).toMatchObject({
			name: 'transfersInFlight',
			default: DEFAULT_SFTP_TRANSFERS_IN_FLIGHT,
			typeOptions: { minValue: 1, maxValue: MAX_TRANSFERS_IN_FLIGHT, numberPrecision: 0 },
		});
		expect(new FileExchange().description.properties).toContain(collection);
	});
});
