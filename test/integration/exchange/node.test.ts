import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { INodeExecutionData } from 'n8n-workflow';

import { FileExchange } from '../../../nodes/FileExchange/FileExchange.node';
import { binaryItem, fakeExecute, storedBinaryItem, storedBinaryReads, type ParameterValue } from '../../support/fake-n8n/execute';
import { diskPath, remoteJoin, uniqueName } from './helpers';
import { ftpCase, sftpCase } from './server-cases';

const cases = [sftpCase('fingerprintSha256'), ftpCase('FTPS (vsftpd, explicit TLS)', 'vsftpdExplicit')];

describe.each(cases)('File Exchange node over $name', ({ protocol, credentialType, info, credentials }) => {
	const node = new FileExchange();
	const run = async (
		operation: string,
		parameters: Record<string, ParameterValue>,
		items: INodeExecutionData[] = [{ json: {} }],
		continueOnFail = false,
	) =>
		await node.execute.call(
			fakeExecute({
				items,
				parameters: { protocol, operation, ...parameters },
				credentials: { [credentialType]: credentials() },
				continueOnFail,
				node: { id: 'file-exchange-test', name: 'File Exchange', type: 'n8n-nodes-billit.fileExchange' },
			}).context,
		);

	it('uploads items through a path template, one connection, modes on disk, per-item errors paired', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('node'));
		const orders = ['2026/0001', '2026/0002', '..', '2026/0004'];
		const items = orders.map((order) => binaryItem(`<Invoice id="${order}"/>`, 'invoice.xml', { json: { order } }));
		const [output] = await run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: '[uen_number]/[invoice_type]/[year]/[order_number].[file_ext]',
				templateValues: (index: number) => ({
					uen_number: '0123456789',
					invoice_type: 'sales',
					documentDate: '2026-05-02',
					order_number: orders[index],
				}),
				uploadOptions: { fileMode: '664', folderMode: '755', onConflict: 'skipIfIdentical' },
			},
			items,
			true,
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[2].json.error).toMatch(/contains "\.\."/);
		const uploaded = output.filter((item) => !item.json.error);
		expect(uploaded.map((item) => (item.json.fileExchange as { path: string }).path)).toEqual([
			`${base}/0123456789/sales/2026/2026-0001.xml`,
			`${base}/0123456789/sales/2026/2026-0002.xml`,
			`${base}/0123456789/sales/2026/2026-0004.xml`,
		]);
		expect(uploaded[0].json.order).toBe('2026/0001');
		const onDisk = diskPath(info(), `${base}/0123456789/sales/2026/2026-0002.xml`);
		expect(await readFile(onDisk, 'utf8')).toBe('<Invoice id="2026/0002"/>');
		expect((await stat(onDisk)).mode & 0o777).toBe(0o664);

		const [again] = await run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: '[uen_number]/[invoice_type]/[year]/[order_number].[file_ext]',
				templateValues: {
					uen_number: '0123456789',
					invoice_type: 'sales',
					documentDate: '2026-05-02',
					order_number: '2026/0001',
				},
				uploadOptions: {},
			},
			[items[0]],
		);
		expect(again[0].json.fileExchange).toMatchObject({ status: 'skipped' });
	});

	it('passes the uploaded file on, so a second File Exchange node can upload it again', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('chain'));
		const upload = async (items: INodeExecutionData[], folder: string) =>
			await run('upload', {
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: `${folder}/[file_name]`,
				templateValues: {},
				uploadOptions: {},
			}, items);
		const [first] = await upload([binaryItem('<Invoice/>', 'invoice.xml', { json: { order: '7' } })], 'archive');
		expect(first[0].binary?.data?.fileName).toBe('invoice.xml');
		const [second] = await upload(first, 'partner');
		expect(second[0].json).toMatchObject({ order: '7', fileExchange: { path: `${base}/partner/invoice.xml` } });
		expect(await readFile(diskPath(info(), `${base}/partner/invoice.xml`), 'utf8')).toBe('<Invoice/>');
	});

	it('uploads binary data kept in n8n storage: small files read whole, large ones streamed', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('stored'));
		const contents = [randomBytes(30 * 1024), randomBytes(1536 * 1024), randomBytes(30 * 1024)];
		const items = contents.map((content, index) => storedBinaryItem(content, `file-${index}.bin`, { index }));
		const [output] = await run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: (index: number) => `in/file-${index}.[file_ext]`,
				templateValues: {},
				uploadOptions: { fileMode: '664', onConflict: 'overwrite' },
			},
			items,
		);
		expect(output.map((item) => item.json.fileExchange)).toEqual(
			contents.map((content, index) =>
				expect.objectContaining({ path: `${base}/in/file-${index}.bin`, status: 'uploaded', bytes: content.length }),
			),
		);
		for (const [index, content] of contents.entries()) {
			const onDisk = diskPath(info(), `${base}/in/file-${index}.bin`);
			expect((await readFile(onDisk)).equals(content)).toBe(true);
			expect((await stat(onDisk)).mode & 0o777).toBe(0o664);
		}
		const ids = items.map((item) => item.binary?.data.id);
		expect(storedBinaryReads.filter((read) => ids.includes(read.id)).map((read) => [ids.indexOf(read.id), read.how]).sort())
			.toEqual([[0, 'buffer'], [1, 'stream'], [2, 'buffer']]);
	});

	it('uploads each item under its own binary file name with [file_name], no expression per item', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('named'));
		const names = ['INV-2026-0001.pdf', '2026/0002.xml', 'Cafe\u0301.txt'];
		const items = names.map((name, index) => binaryItem(`file ${index}`, name));
		const [output] = await run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: `${base}/out/[file_name]`,
				templateValues: {},
				uploadOptions: { fileMode: '664', slashReplacement: '_' },
			},
			items,
		);
		const expected = ['INV-2026-0001.pdf', '2026_0002.xml', 'Caf\u00e9.txt'];
		expect(output.map((item) => (item.json.fileExchange as { path: string }).path)).toEqual(
			expected.map((name) => `${base}/out/${name}`),
		);
		for (const [index, name] of expected.entries()) {
			const onDisk = diskPath(info(), `${base}/out/${name}`);
			expect(await readFile(onDisk, 'utf8')).toBe(`file ${index}`);
			expect((await stat(onDisk)).mode & 0o777).toBe(0o664);
		}
	});

	it('stops with the item index when continue-on-fail is off', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('node'));
		const attempt = run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: '[order_number].xml',
				templateValues: {},
				uploadOptions: {},
			},
			[binaryItem('x', 'x.xml')],
		);
		await expect(attempt).rejects.toMatchObject({ name: 'NodeOperationError', context: { itemIndex: 0 } });
		await expect(attempt).rejects.toThrow(/\[order_number\] has no value/);
	});

	it('writes a reason file into a parking folder that does not exist yet', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('node'));
		const [reason] = await run('writeReasonFile', {
			path: `${base}/error/Invoice-7`,
			reason: 'failed 3 times',
			suffix: '.reason.txt',
			fileMode: '664',
		});
		expect(reason[0].json.fileExchange).toMatchObject({ path: `${base}/error/Invoice-7.reason.txt` });
		expect(await readFile(diskPath(info(), `${base}/error/Invoice-7.reason.txt`), 'utf8')).toBe('failed 3 times\n');
	});

	it('lists, downloads, moves to a dated processed/ folder, writes a reason file and deletes', async () => {
		const base = remoteJoin(info().remoteRoot, uniqueName('node'));
		await run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: 'inbound/a.xml',
				templateValues: {},
				uploadOptions: {},
			},
			[binaryItem('A', 'a.xml')],
		);
		await run(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: 'inbound/sub/b.pdf',
				templateValues: {},
				uploadOptions: {},
			},
			[binaryItem('B', 'b.pdf')],
		);

		const [listed] = await run('list', {
			folder: `${base}/inbound`,
			recursive: true,
			glob: '*.xml',
			includeFolders: false,
		});
		expect(listed.map((item) => item.json.path)).toEqual([`${base}/inbound/a.xml`]);
		expect(listed[0].json).toMatchObject({ size: 1, type: 'file' });

		const [downloaded] = await run('download', { path: `${base}/inbound/a.xml`, binaryPropertyName: 'file' });
		expect(Buffer.from(downloaded[0].binary?.file.data ?? '', 'base64').toString()).toBe('A');
		expect(downloaded[0].binary?.file.fileName).toBe('a.xml');

		const [moved] = await run('move', {
			path: `${base}/inbound/a.xml`,
			destinationFolder: 'processed',
			moveOptions: { dateFolders: 'month' },
		});
		const to = (moved[0].json.fileExchange as { to: string }).to;
		expect(to).toMatch(new RegExp(`^${base}/inbound/processed/\\d{4}/\\d{2}/a\\.xml$`));
		expect(await readFile(diskPath(info(), to), 'utf8')).toBe('A');

		const [reason] = await run('writeReasonFile', {
			path: `${base}/inbound/sub/b.pdf`,
			reason: 'UBL rule BR-01 failed',
			suffix: '.reason.txt',
			fileMode: '664',
		});
		expect(reason[0].json.fileExchange).toMatchObject({ path: `${base}/inbound/sub/b.pdf.reason.txt` });
		expect(await readFile(diskPath(info(), `${base}/inbound/sub/b.pdf.reason.txt`), 'utf8')).toBe(
			'UBL rule BR-01 failed\n',
		);

		await run('delete', { path: `${base}/inbound/sub/b.pdf` });
		const [after] = await run('list', {
			folder: `${base}/inbound/sub`,
			recursive: false,
			glob: '',
			includeFolders: false,
		});
		expect(after.map((item) => item.json.name)).toEqual(['b.pdf.reason.txt']);
	});

	it('gives every item an error when the connection fails and continue-on-fail is on', async () => {
		const node2 = new FileExchange();
		const [output] = await node2.execute.call(
			fakeExecute({
				items: [{ json: {} }, { json: {} }],
				parameters: { protocol, operation: 'list', folder: '/', recursive: false, glob: '', includeFolders: false },
				credentials: { [credentialType]: { ...credentials(), password: 'wrong-password-xyz' } },
				continueOnFail: true,
				node: { id: 'file-exchange-test', name: 'File Exchange', type: 'n8n-nodes-billit.fileExchange' },
			}).context,
		);
		expect(output).toHaveLength(2);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(output[0].json.error)).not.toContain('wrong-password-xyz');
		expect(output[0].json.details).toEqual({ kind: 'authentication' });
	});
});
