import { randomBytes } from 'node:crypto';
import { readdir, utimes } from 'node:fs/promises';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { inject } from 'vitest';

import type { FtpConnectionOptions } from '../../../lib/exchange/ftp/ftp-client';
import type { SftpConnectionOptions } from '../../../lib/exchange/sftp/sftp-connection';
import type { FtpServerInfo, SftpServerInfo } from '../../support/servers/types';

export function testServers() {
	return inject('testServers');
}

export function sftpOptions(
	info: SftpServerInfo,
	overrides: Partial<SftpConnectionOptions> = {},
): SftpConnectionOptions {
	return {
		host: info.host,
		port: info.port,
		username: info.username,
		password: info.password,
		hostKeys: info.hostKeys.map((key) => key.knownHostsLine).join('\n'),
		connectTimeoutMs: 10_000,
		...overrides,
	};
}

export function ftpOptions(info: FtpServerInfo, overrides: Partial<FtpConnectionOptions> = {}): FtpConnectionOptions {
	return {
		host: info.host,
		port: info.port,
		user: info.username,
		password: info.password,
		tls: info.tls,
		caCertificate: info.ca || undefined,
		connectTimeoutMs: 10_000,
		...overrides,
	};
}

/** A fresh folder name per test, so test files can share one server. */
export function uniqueName(prefix: string): string {
	return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function remoteJoin(...parts: string[]): string {
	return posix.join(...parts);
}

export function bufferSource(content: Buffer | string) {
	return () => Readable.from([Buffer.from(content)]);
}

export async function readAll(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Where a remote path of a server lives on this machine's disk. */
export function diskPath(info: { root: string; remoteRoot: string }, remotePath: string): string {
	return posix.join(info.root, posix.relative(info.remoteRoot, remotePath));
}

/** A source that yields `chunks` chunks of `chunkSize` bytes, pausing between them, like a slow network. */
export function slowSource(chunks: number, chunkSize: number, pauseMs: number) {
	return () =>
		Readable.from(
			(async function* () {
				for (let index = 0; index < chunks; index++) {
					yield Buffer.alloc(chunkSize, index % 256);
					await new Promise((resolve) => setTimeout(resolve, pauseMs));
				}
			})(),
		);
}

/** Names of the part files uploads of `remotePath` left on the server's disk (`<name>.<random>.part`). */
export async function partFilesOnDisk(info: { root: string; remoteRoot: string }, remotePath: string): Promise<string[]> {
	const name = posix.basename(remotePath);
	const ownPart = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{8}\\.part$`);
	const names = await readdir(diskPath(info, posix.dirname(remotePath)));
	return names.filter((entry) => ownPart.test(entry));
}

/** Backdates a file on the server's disk, as if a crashed run had left it `hours` ago. */
export async function backdateOnDisk(path: string, hours: number): Promise<void> {
	const then = new Date(Date.now() - hours * 3_600_000);
	await utimes(path, then, then);
}
