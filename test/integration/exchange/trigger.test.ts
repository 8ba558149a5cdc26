import { appendFile, stat } from 'node:fs/promises';
import type { IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import type { ParameterValue } from '../../support/fake-n8n/parameters';
import { diskPath, remoteJoin, uniqueName } from './helpers';
import { makeFoldersAsServerUser, pollTrigger, triggerCases, writeAsServerUser } from './trigger-harness';

describe.each(triggerCases)('File Exchange Trigger over $name', (serverCase) => {
	const { info } = serverCase;
	let folder: string;
	let staticData: IDataObject;

	const poll = async (parameters: Record<string, ParameterValue> = {}, mode: 'trigger' | 'manual' = 'trigger') =>
		await pollTrigger(
			serverCase,
			{
				folder,
				glob: '*.xml',
				recursive: true,
				detect: 'new',
				stability: 'twoPolls',
				download: true,
				options: {},
				...parameters,
			},
			staticData,
			mode,
		);

	const writeAsUser = async (remotePath: string, content: string) => await writeAsServerUser(serverCase, remotePath, content);

	beforeEach(async () => {
		folder = remoteJoin(info().remoteRoot, uniqueName('inbound'));
		await makeFoldersAsServerUser(serverCase, folder, `${folder}/sub`);
		staticData = {};
	});

	it('emits files that appear while polling, once each, with their content, and skips other patterns and .part', async () => {
		expect(await poll()).toEqual([]);
		await writeAsUser(`${folder}/a.xml`, '<a/>');
		await writeAsUser(`${folder}/sub/b.xml`, '<b/>');
		await writeAsUser(`${folder}/c.pdf`, 'pdf');
		await writeAsUser(`${folder}/d.xml.part`, 'half');
		expect(await poll()).toEqual([]);
		const emitted = await poll();
		expect(emitted.map((item) => item.json.path).sort()).toEqual([`${folder}/a.xml`, `${folder}/sub/b.xml`]);
		const a = emitted.find((item) => item.json.name === 'a.xml');
		expect(Buffer.from(a?.binary?.data.data ?? '', 'base64').toString()).toBe('<a/>');
		expect(await poll()).toEqual([]);
	});

	it('takes a file still being written only when it is complete', async () => {
		await writeAsUser(`${folder}/growing.xml`, '<Invoice>');
		expect(await poll()).toEqual([]);
		await appendFile(diskPath(info(), `${folder}/growing.xml`), '<Line/>');
		expect(await poll()).toEqual([]);
		await appendFile(diskPath(info(), `${folder}/growing.xml`), '</Invoice>');
		expect(await poll()).toEqual([]);
		const [item] = await poll();
		expect(Buffer.from(item.binary?.data.data ?? '', 'base64').toString()).toBe('<Invoice><Line/></Invoice>');
	});

	it('loses nothing across a restart: the state lives in static data only', async () => {
		await writeAsUser(`${folder}/one.xml`, '1');
		await poll();
		expect((await poll()).map((item) => item.json.name)).toEqual(['one.xml']);
		const saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		staticData = saved;
		await writeAsUser(`${folder}/two.xml`, '2');
		await poll();
		expect((await poll()).map((item) => item.json.name)).toEqual(['two.xml']);
	});

	it('moves a file to the in-progress folder on pick-up', async () => {
		await writeAsUser(`${folder}/m.xml`, 'm');
		const options = { moveToFolder: `${folder}-in-progress` };
		await poll({ options });
		const [item] = await poll({ options });
		expect(item.json).toMatchObject({ path: `${folder}-in-progress/m.xml`, originalPath: `${folder}/m.xml` });
		expect(await stat(diskPath(info(), `${folder}-in-progress/m.xml`))).toBeTruthy();
	});

	it('a manual test run shows a sample without saving state', async () => {
		await writeAsUser(`${folder}/sample.xml`, 's');
		const sample = await poll({}, 'manual');
		expect(sample.map((item) => item.json.name)).toEqual(['sample.xml']);
		expect(staticData).toEqual({});
		await poll();
		expect((await poll()).map((item) => item.json.name)).toEqual(['sample.xml']);
	});
});
