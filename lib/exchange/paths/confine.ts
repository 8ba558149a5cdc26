import { posix } from 'node:path';

import type { FileExchangeClient } from '../client';
import { ExchangeError } from '../errors';
import { isInsideFolder } from './path-template';

/** The server's realpath of the deepest part of `path` that exists. */
async function realpathOfExisting(client: FileExchangeClient, path: string): Promise<string> {
	let current = posix.normalize(path);
	for (;;) {
		const entry = await client.stat(current);
		if (entry || current === '/') return await client.realpath(current);
		current = posix.dirname(current);
	}
}

/**
 * Checks with the server's own realpath that `folder` lies inside `baseFolder`, so a symlink placed
 * in the tree cannot send files elsewhere. The lexical check in path templates cannot see symlinks.
 */
export async function assertInsideBaseOnServer(
	client: FileExchangeClient,
	baseFolder: string,
	folder: string,
): Promise<void> {
	const [realBase, realFolder] = await Promise.all([
		realpathOfExisting(client, baseFolder),
		realpathOfExisting(client, folder),
	]);
	if (!isInsideFolder(realBase, realFolder)) {
		throw new ExchangeError(
			'outsideBase',
			`the folder ${folder} resolves on the server to ${realFolder}, outside the base folder ${baseFolder} (${realBase}): a symbolic link leads out of it`,
		);
	}
}
