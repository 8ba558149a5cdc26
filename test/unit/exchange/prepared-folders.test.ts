import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mock } from 'vitest-mock-extended';

import type { FileExchangeClient, RemoteEntry } from '../../../lib/exchange/client';
import { PreparedFolders } from '../../../lib/exchange/paths/prepared-folders';

/** A server whose folders exist as listed, each resolving to `links[folder]` or itself. */
function serverWith(folders: string[], links: Record<string, string> = {}) {
	const client = mock<FileExchangeClient>();
	const existing = new Set(folders);
	client.stat.mockImplementation(async (path) =>
		existing.has(path) ? ({ path, name: posix.basename(path), type: 'directory', size: 0 } as RemoteEntry) : undefined,
	);
	client.realpath.mockImplementation(async (path) => links[path] ?? path);
	client.list.mockResolvedValue([]);
	client.mkdirp.mockImplementation(async (path) => {
		for (let current = path; current !== '/'; current = posix.dirname(current)) existing.add(current);
	});
	return client;
}

describe('PreparedFolders', () => {
	it('checks and creates a folder once for any number of files, also when they arrive together', async () => {
		const client = serverWith(['/', '/export']);
		const folders = new PreparedFolders(client);
		await Promise.all(
			Array.from({ length: 20 }, () => folders.prepare('/export', '/export/2026/03', { mode: 0o755 })),
		);
		await folders.prepare('/export', '/export/2026/03', { mode: 0o755 });
		expect(client.mkdirp).toHaveBeenCalledTimes(1);
		expect(client.mkdirp).toHaveBeenCalledWith('/export/2026/03', 0o755);
		expect(client.realpath).toHaveBeenCalledTimes(2);

		await folders.prepare('/export', '/export/2026/04', { mode: 0o755 });
		expect(client.mkdirp).toHaveBeenCalledTimes(2);
	});

	it('creates nothing when asked not to, and keeps that apart from a folder it did create', async () => {
		const client = serverWith(['/', '/export', '/export/in']);
		const folders = new PreparedFolders(client);
		await folders.prepare('/export', '/export/in', false);
		expect(client.mkdirp).not.toHaveBeenCalled();
		await folders.prepare('/export', '/export/in', {});
		expect(client.mkdirp).toHaveBeenCalledWith('/export/in', undefined);
	});

	it('refuses a folder a link leads out of the base, before creating anything, every time it is asked', async () => {
		const client = serverWith(['/', '/export', '/export/escape'], { '/export/escape': '/etc' });
		const folders = new PreparedFolders(client);
		for (let attempt = 0; attempt < 2; attempt++) {
			await expect(folders.prepare('/export', '/export/escape/x', { mode: 0o755 })).rejects.toMatchObject({
				kind: 'outsideBase',
			});
		}
		expect(client.mkdirp).not.toHaveBeenCalled();
	});

	it('tries again after a failure instead of remembering it', async () => {
		const client = serverWith(['/', '/export']);
		client.mkdirp.mockRejectedValueOnce(new Error('connection reset'));
		const folders = new PreparedFolders(client);
		await expect(folders.prepare('/export', '/export/a', { mode: 0o755 })).rejects.toThrow('connection reset');
		await expect(folders.prepare('/export', '/export/a', { mode: 0o755 })).resolves.toBeUndefined();
		expect(client.mkdirp).toHaveBeenCalledTimes(2);
	});

	it('sweeps stale part files from a folder once, however many files go into it and whatever it was prepared with', async () => {
		const client = serverWith(['/', '/export', '/export/in']);
		const folders = new PreparedFolders(client);
		await folders.prepare('/export', '/export/in', { mode: 0o755 });
		await folders.prepare('/export', '/export/in', false);
		await folders.prepare('/export', '/export/in', { mode: 0o755 });
		expect(client.list).toHaveBeenCalledTimes(1);
		expect(client.list).toHaveBeenCalledWith('/export/in', { glob: '*.part' });
	});
});
