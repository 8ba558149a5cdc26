import { access, rename, rm } from 'node:fs/promises';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { diskPath, remoteJoin, uniqueName } from './helpers';
import { makeFoldersAsServerUser, pollTrigger, triggerCases, writeAsServerUser } from './trigger-harness';

const minute = 60_000;

/** Emitted items as [path, attempt, content]. */
function emittedFiles(items: Awaited<ReturnType<typeof pollTrigger>>) {
	return items.map((item) => [
		item.json.path,
		item.json.attempt,
		Buffer.from(item.binary?.data.data ?? '', 'base64').toString(),
	]);
}

describe.each(triggerCases)('File Exchange Trigger over $name: a file a failed run left behind comes back', (serverCase) => {
	let folder: string;
	let staticData: IDataObject;

	const poll = async (options: IDataObject = {}, recursive = false) =>
		await pollTrigger(
			serverCase,
			{
				folder,
				glob: '*.xml',
				recursive,
				detect: 'new',
				stability: 'twoPolls',
				download: true,
				options: { emitAgainAfterMinutes: 30, ...options },
			},
			staticData,
		);

	/** Moves the clock the trigger reads; only Date is faked, so the connections keep their real timers. */
	const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

	const exists = async (remotePath: string) =>
		await access(diskPath(serverCase.info(), remotePath)).then(
			() => true,
			() => false,
		);

	beforeEach(async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date());
		folder = remoteJoin(serverCase.info().remoteRoot, uniqueName('inbound'));
		await makeFoldersAsServerUser(serverCase, folder);
		staticData = {};
	});

	afterEach(() => {
		vi.useRealTimers();
	});

	it('emits a file that stayed in the folder again after the period, not before, and forgets it once moved away', async () => {
		await writeAsServerUser(serverCase, `${folder}/stuck.xml`, '<stuck/>');
		expect(await poll()).toEqual([]);
		expect(emittedFiles(await poll())).toEqual([[`${folder}/stuck.xml`, 1, '<stuck/>']]);

		advance(30 * minute - 1000);
		expect(await poll()).toEqual([]);
		advance(1000);
		expect(emittedFiles(await poll())).toEqual([[`${folder}/stuck.xml`, 2, '<stuck/>']]);
		advance(29 * minute);
		expect(await poll()).toEqual([]);

		// A run that succeeds moves the file on, as the pipelines do with processed/.
		await makeFoldersAsServerUser(serverCase, `${folder}-processed`);
		await rename(diskPath(serverCase.info(), `${folder}/stuck.xml`), diskPath(serverCase.info(), `${folder}-processed/stuck.xml`));
		expect(await poll()).toEqual([]);
		expect(staticData.fileExchange).toMatchObject({ seen: {} });
		advance(60 * minute);
		expect(await poll()).toEqual([]);
	});

	it('never emits a file again with a period of 0', async () => {
		await writeAsServerUser(serverCase, `${folder}/kept.xml`, '<kept/>');
		await poll({ emitAgainAfterMinutes: 0 });
		expect(await poll({ emitAgainAfterMinutes: 0 })).toHaveLength(1);
		advance(24 * 60 * minute);
		expect(await poll({ emitAgainAfterMinutes: 0 })).toEqual([]);
	});

	it('emits a file left in the in-progress folder again from there, without moving it, and never as part of the watched folder', async () => {
		const inProgress = `${folder}/in-progress`;
		const options = { moveToFolder: inProgress };
		await writeAsServerUser(serverCase, `${folder}/picked.xml`, '<picked/>');
		await poll(options, true);
		const [picked] = await poll(options, true);
		expect(picked.json).toMatchObject({ path: `${inProgress}/picked.xml`, originalPath: `${folder}/picked.xml`, attempt: 1 });

		advance(30 * minute - 1000);
		expect(await poll(options, true)).toEqual([]);
		advance(1000);
		expect(emittedFiles(await poll(options, true))).toEqual([[`${inProgress}/picked.xml`, 2, '<picked/>']]);
		expect(await exists(`${inProgress}/picked.xml`)).toBe(true);

		await rm(diskPath(serverCase.info(), `${inProgress}/picked.xml`));
		expect(await poll(options, true)).toEqual([]);
		expect(staticData.fileExchangeInProgress).toEqual({});
	});
});
