import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

import { FileExchange } from '../../../nodes/FileExchange/FileExchange.node';
import { waitForSftpLog, type SftpLogEntry } from '../../support/servers/sftp-log';
import { fakeExecute, storedBinaryItem } from '../../support/fake-n8n/execute';
import { diskPath, remoteJoin, testServers, uniqueName } from './helpers';
import { sftpCase } from './server-cases';

const FILES = 64;
const FILE_BYTES = 30 * 1024;
const { credentials } = sftpCase('fingerprintSha256');
const info = () => testServers().sftp;

/** The most `.part` files of `folder` the server had open for writing at the same time, from its log. */
function peakOpenParts(entries: readonly SftpLogEntry[], folder: string): number {
	let open = 0;
	let peak = 0;
	for (const { message } of entries) {
		if (!message.includes(`"${folder}/`) || !/\.part" /.test(message)) continue;
		if (message.startsWith('open ') && message.includes(' flags WRITE')) peak = Math.max(peak, ++open);
		if (message.startsWith('close ')) open--;
	}
	return peak;
}

const closedParts = (folder: string) => (entries: SftpLogEntry[]) =>
	entries.filter(({ message }) => message.startsWith(`close "${folder}/`) && /\.part" /.test(message)).length >= FILES;

describe.each([1, 32])('File Exchange over SFTP with %i transfers in flight', (transfersInFlight) => {
	it(`uploads ${FILES} files, each complete under its final name with mode 664, at most that many open at once`, async () => {
		const folder = remoteJoin(info().remoteRoot, uniqueName(`in-flight-${transfersInFlight}`));
		const contents = Array.from({ length: FILES }, () => randomBytes(FILE_BYTES));
		const names = contents.map((_content, index) => `invoice-${String(index).padStart(3, '0')}.pdf`);
		const [output] = await new FileExchange().execute.call(
			fakeExecute({
				items: contents.map((content, index) => storedBinaryItem(content, names[index])),
				parameters: {
					protocol: 'sftp',
					operation: 'upload',
					binaryPropertyName: 'data',
					baseFolder: folder,
					pathTemplate: '[file_name]',
					templateValues: {},
					uploadOptions: { fileMode: '664', onConflict: 'fail' },
					connectionOptions: { transfersInFlight },
				},
				credentials: { fileExchangeSftpApi: credentials() },
				node: { id: 'file-exchange-test', name: 'File Exchange', type: 'n8n-nodes-billit.fileExchange' },
			}).context,
		);

		expect(output.map((item) => item.json.fileExchange)).toEqual(
			names.map((name) => expect.objectContaining({ path: posix.join(folder, name), status: 'uploaded' })),
		);
		const onDisk = diskPath(info(), folder);
		expect((await readdir(onDisk)).sort()).toEqual(names);
		for (const [index, name] of names.entries()) {
			const path = posix.join(onDisk, name);
			expect((await readFile(path)).equals(contents[index]), name).toBe(true);
			expect((await stat(path)).mode & 0o777).toBe(0o664);
		}
		const peak = peakOpenParts(await waitForSftpLog(info().logFile, closedParts(folder)), folder);
		if (transfersInFlight === 1) expect(peak).toBe(1);
		else expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(transfersInFlight);
	});
});
