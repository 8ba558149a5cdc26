import { describe, expect, it } from 'vitest';
import { mock } from 'vitest-mock-extended';

import type { FileExchangeClient, RemoteEntry } from '../../../lib/exchange/client';
import { isPartName, partPathFor, STALE_PART_AGE_MS, sweepStaleParts } from '../../../lib/exchange/paths/part-files';

const NOW = new Date('2026-03-10T12:00:00Z');
const MINUTE = 60_000;

function file(name: string, minutesOld: number, type: RemoteEntry['type'] = 'file'): RemoteEntry {
	return { path: `/export/${name}`, name, type, size: 1, modifiedAt: new Date(NOW.getTime() - minutesOld * MINUTE) };
}

describe('partPathFor', () => {
	it('gives every upload its own part name next to the target', () => {
		expect(partPathFor('/export/invoice.xml', '0a1b2c3d')).toBe('/export/invoice.xml.0a1b2c3d.part');
		const first = partPathFor('/export/invoice.xml');
		const second = partPathFor('/export/invoice.xml');
		expect(first).toMatch(/^\/export\/invoice\.xml\.[0-9a-f]{8}\.part$/);
		expect(second).not.toBe(first);
	});

	it('shortens the start of a long name to fit 255 bytes, keeping the random tail and whole characters', () => {
		const ascii = partPathFor(`/export/${'a'.repeat(250)}.xml`, '0a1b2c3d');
		const asciiName = ascii.slice('/export/'.length);
		expect(Buffer.byteLength(asciiName)).toBe(255);
		expect(asciiName).toBe(`${'a'.repeat(241)}.0a1b2c3d.part`);

		const accented = partPathFor(`/export/${'é'.repeat(200)}.xml`, '0a1b2c3d');
		const accentedName = accented.slice('/export/'.length);
		expect(Buffer.byteLength(accentedName)).toBeLessThanOrEqual(255);
		expect(accentedName).toBe(`${'é'.repeat(120)}.0a1b2c3d.part`);
	});
});

describe('isPartName', () => {
	it('knows the new and the older part names, and nothing else', () => {
		expect(isPartName('invoice.xml.0a1b2c3d.part')).toBe(true);
		expect(isPartName('invoice.xml.part')).toBe(true);
		expect(isPartName('invoice.xml')).toBe(false);
		expect(isPartName('invoice.partial')).toBe(false);
		expect(isPartName('.part')).toBe(false);
	});
});

describe('sweepStaleParts', () => {
	it('deletes only part files older than the safe age, keeping fresh ones and finished files', async () => {
		const client = mock<FileExchangeClient>();
		client.list.mockResolvedValue([
			file('a.xml.0a1b2c3d.part', 61),
			file('b.xml.part', 600),
			file('c.xml.11223344.part', 5),
			file('d.xml', 600),
			file('e.part', 600, 'directory'),
			{ ...file('f.xml.part', 600), modifiedAt: undefined },
		]);
		client.delete.mockResolvedValue();
		const removed = await sweepStaleParts(client, '/export', NOW);
		expect(removed).toEqual(['/export/a.xml.0a1b2c3d.part', '/export/b.xml.part']);
		expect(client.delete).toHaveBeenCalledTimes(2);
		expect(STALE_PART_AGE_MS).toBe(60 * MINUTE);
	});

	it('is best effort: a listing or a delete that fails is no error', async () => {
		const client = mock<FileExchangeClient>();
		client.list.mockResolvedValue([file('a.xml.part', 120), file('b.xml.part', 120)]);
		client.delete.mockRejectedValueOnce(new Error('permission denied')).mockResolvedValueOnce();
		await expect(sweepStaleParts(client, '/export', NOW)).resolves.toEqual(['/export/b.xml.part']);

		client.list.mockRejectedValue(new Error('no such folder'));
		await expect(sweepStaleParts(client, '/export', NOW)).resolves.toEqual([]);
	});
});
