import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Icon } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { BillitApi } from '../../../credentials/BillitApi.credentials';
import { BillitOAuth2Api } from '../../../credentials/BillitOAuth2Api.credentials';
import { FileExchangeFtpApi } from '../../../credentials/FileExchangeFtpApi.credentials';
import { FileExchangeSftpApi } from '../../../credentials/FileExchangeSftpApi.credentials';
import { Billit } from '../../../nodes/Billit/Billit.node';
import { BillitPeppol } from '../../../nodes/BillitPeppol/BillitPeppol.node';
import { BillitPollTrigger } from '../../../nodes/BillitPollTrigger/BillitPollTrigger.node';
import { BillitTrigger } from '../../../nodes/BillitTrigger/BillitTrigger.node';
import { FileExchange } from '../../../nodes/FileExchange/FileExchange.node';
import { FileExchangeTrigger } from '../../../nodes/FileExchangeTrigger/FileExchangeTrigger.node';
import { InvoiceFile } from '../../../nodes/InvoiceFile/InvoiceFile.node';
import { repoRoot } from '../../support/n8n/repo';

// n8n resolves a `file:` icon relative to the node or credential file and serves any path inside the
// package, so one copy of each icon serves every node and credential that shows it.
const OWNERS: Array<[string, Icon | undefined]> = [
	['nodes/Billit', new Billit().description.icon],
	['nodes/BillitPeppol', new BillitPeppol().description.icon],
	['nodes/BillitPollTrigger', new BillitPollTrigger().description.icon],
	['nodes/BillitTrigger', new BillitTrigger().description.icon],
	['nodes/FileExchange', new FileExchange().description.icon],
	['nodes/FileExchangeTrigger', new FileExchangeTrigger().description.icon],
	['nodes/InvoiceFile', new InvoiceFile().description.icon],
	['credentials', new BillitApi().icon],
	['credentials', new BillitOAuth2Api().icon],
	['credentials', new FileExchangeFtpApi().icon],
	['credentials', new FileExchangeSftpApi().icon],
];

function iconFiles(folder: string, icon: Icon | undefined): string[] {
	const themed = typeof icon === 'object' ? [icon.light, icon.dark] : [icon];
	return themed.map((value) => {
		expect(value).toMatch(/^file:.+\.svg$/);
		return relative(repoRoot, join(repoRoot, folder, String(value).slice('file:'.length))).split(sep).join('/');
	});
}

describe('icons', () => {
	it.each(OWNERS)('%s: a light and a dark icon, both files inside nodes/', (folder, icon) => {
		expect(typeof icon).toBe('object');
		for (const file of iconFiles(folder, icon)) {
			expect(file.startsWith('nodes/'), file).toBe(true);
			expect(existsSync(join(repoRoot, file)), file).toBe(true);
		}
	});

	it('keeps one copy of each icon: no two icon files with the same content, none unused', () => {
		const files = ['nodes', 'credentials'].flatMap((top) =>
			readdirSync(join(repoRoot, top), { recursive: true, encoding: 'utf8' })
				.filter((file) => file.endsWith('.svg'))
				.map((file) => `${top}/${file.split(sep).join('/')}`),
		);
		const hashes = files.map((file) => createHash('sha256').update(readFileSync(join(repoRoot, file))).digest('hex'));
		expect(new Set(hashes).size).toBe(files.length);
		const used = new Set(OWNERS.flatMap(([folder, icon]) => iconFiles(folder, icon)));
		expect(files.filter((file) => !used.has(file))).toEqual([]);
	});
});
