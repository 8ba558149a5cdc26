/**
 * Hostile invoice numbers, template values and templates given to File Exchange Upload over SFTP:
 * each fails with its specific error and leaves no file on the server.
 */
import { chown, mkdir, readdir, stat, symlink } from 'node:fs/promises';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
	diskPath,
	filesOnDisk,
	remoteJoin,
	runFileExchange,
	testServers,
	uniqueName,
} from '../support/exchange';

interface PathCase {
	name: string;
	template?: string;
	values?: Record<string, string>;
	baseFolder?: (base: string) => string;
	error: RegExp;
}

const invoice = { uen_number: '0123456789', invoice_type: 'sales', documentDate: '2026-05-02' };
const TEMPLATE = '[uen_number]/[invoice_type]/[year]/[order_number].[file_ext]';

const orderNumber = (name: string, value: string, error: RegExp): PathCase => ({
	name: `invoice number ${name}`,
	values: { order_number: value },
	error,
});

const CONTROL = /path variable \[order_number\] contains a control character/;
const DOTS = /path variable \[order_number\] contains "\.\."/;

const cases: PathCase[] = [
	orderNumber('"../../etc/passwd"', '../../etc/passwd', DOTS),
	orderNumber('".."', '..', DOTS),
	orderNumber('"2026/../../../x"', '2026/../../../x', DOTS),
	orderNumber('"..\\\\..\\\\windows"', '..\\..\\windows', DOTS),
	orderNumber('"." ', '.', /path variable \[order_number\] is "\."/),
	orderNumber('with NUL', 'INV\u00001', CONTROL),
	orderNumber('with a line feed', 'INV\n1', CONTROL),
	orderNumber('with a carriage return', 'INV\r1', CONTROL),
	orderNumber('with a tab', 'INV\t1', CONTROL),
	orderNumber('with an ANSI escape', 'INV\u001b[31m1', CONTROL),
	orderNumber('with DEL', 'INV\u007f1', CONTROL),
	orderNumber('with a C1 control (NEL)', 'INV\u00851', CONTROL),
	orderNumber('empty', '', /path variable \[order_number\] has no value/),
	orderNumber('only spaces', '   ', /path variable \[order_number\] is empty/),
	{
		name: 'company number "../.." in [uen_number]',
		values: { uen_number: '../..' },
		error: /path variable \[uen_number\] contains "\.\."/,
	},
	{
		name: 'invoice type with a control character',
		values: { invoice_type: 'sales\u0007' },
		error: /path variable \[invoice_type\] contains a control character/,
	},
	{
		name: 'template with a ".." segment',
		template: '../outside/[order_number].[file_ext]',
		error: /the path template contains a "\." or "\.\." segment/,
	},
	{
		name: 'absolute template outside the base folder',
		template: '/etc/[order_number].[file_ext]',
		error: /is outside the base folder/,
	},
	{
		name: 'template with a control character',
		template: '[uen_number]/\u0000/[order_number].[file_ext]',
		error: /the path template contains a control character/,
	},
	{
		name: 'template ending in a folder',
		template: '[uen_number]/',
		error: /has no file name/,
	},
	{
		name: 'empty template',
		template: '  ',
		error: /the path template is empty/,
	},
	{
		name: 'unknown template variable',
		template: '[uen_number]/[customer_password].xml',
		error: /unknown path variable \[customer_password\]/,
	},
	{
		name: 'relative base folder',
		baseFolder: () => 'export',
		error: /the base folder "export" must be absolute/,
	},
];

describe('File Exchange Upload refuses hostile paths and leaves the server untouched', () => {
	it.each(cases)('$name', async ({ template, values, baseFolder, error }) => {
		const server = testServers().sftp;
		const base = remoteJoin(server.remoteRoot, uniqueName('paths'));
		const upload = runFileExchange('upload', {
			binaryPropertyName: 'data',
			baseFolder: baseFolder?.(base) ?? base,
			pathTemplate: template ?? TEMPLATE,
			templateValues: { ...invoice, order_number: 'INV-1', file_ext: 'xml', ...values },
			uploadOptions: {},
		});
		await expect(upload).rejects.toThrow(error);
		expect(await filesOnDisk(diskPath(server, base))).toEqual([]);
	});

	it('a symbolic link in the base folder pointing outside it', async () => {
		const server = testServers().sftp;
		const base = remoteJoin(server.remoteRoot, uniqueName('paths'));
		const outside = remoteJoin(server.remoteRoot, uniqueName('outside'));
		await mkdir(diskPath(server, base), { recursive: true });
		await mkdir(diskPath(server, outside), { recursive: true });
		// Writable by the test user, so only the product's check can keep folders from appearing there.
		const owner = await stat(server.root);
		await chown(diskPath(server, outside), owner.uid, owner.gid);
		// Relative, because the SFTP session is chrooted to the server root.
		await symlink(`../${posix.basename(outside)}`, diskPath(server, `${base}/archive`));

		const upload = runFileExchange('upload', {
			binaryPropertyName: 'data',
			baseFolder: base,
			pathTemplate: 'archive/2026/[order_number].xml',
			templateValues: { order_number: 'INV-1' },
			uploadOptions: {},
		});
		await expect(upload).rejects.toThrow(
			/resolves on the server to .*, outside the base folder .*: a symbolic link leads out of it/,
		);
		expect(await readdir(diskPath(server, outside))).toEqual([]);
	});

	it('a file name longer than the server allows', async () => {
		const server = testServers().sftp;
		const base = remoteJoin(server.remoteRoot, uniqueName('paths'));
		const upload = runFileExchange('upload', {
			binaryPropertyName: 'data',
			baseFolder: base,
			pathTemplate: '[order_number].xml',
			templateValues: { order_number: 'N'.repeat(300) },
			uploadOptions: {},
		});
		await expect(upload).rejects.toThrow(new RegExp(posix.join(base, 'N{20}')));
		expect(await filesOnDisk(diskPath(server, base))).toEqual([]);
	});
});
