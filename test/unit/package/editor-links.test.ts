import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { BillitApi } from '../../../credentials/BillitApi.credentials';
import { BillitOAuth2Api } from '../../../credentials/BillitOAuth2Api.credentials';
import { FileExchangeFtpApi } from '../../../credentials/FileExchangeFtpApi.credentials';
import { FileExchangeSftpApi } from '../../../credentials/FileExchangeSftpApi.credentials';
import { repoRoot } from '../../support/n8n/repo';

// Links a user can click in the n8n editor (a credential's documentation link, a node's docs links)
// lead to the documentation of Billit or n8n, never to a repository that does not exist yet.
const DOCUMENTATION_HOSTS = ['docs.billit.be', 'docs.n8n.io'];

function codexLinks(): Array<[string, string]> {
	const nodesDir = join(repoRoot, 'nodes');
	return readdirSync(nodesDir).flatMap((folder) =>
		readdirSync(join(nodesDir, folder))
			.filter((file) => file.endsWith('.node.json'))
			.flatMap((file) => {
				const codex = JSON.parse(readFileSync(join(nodesDir, folder, file), 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
				return Object.values(codex.resources ?? {}).flatMap((links) => links.map(({ url }): [string, string] => [file, url]));
			}),
	);
}

describe('links in the editor', () => {
	it.each([
		['Billit API', new BillitApi().documentationUrl],
		['Billit OAuth2 API', new BillitOAuth2Api().documentationUrl],
		['File Exchange FTP', new FileExchangeFtpApi().documentationUrl],
		['File Exchange SFTP', new FileExchangeSftpApi().documentationUrl],
	])('the %s credential links to documentation', (_name, url) => {
		expect(DOCUMENTATION_HOSTS).toContain(new URL(url).host);
	});

	it("every node's codex links to documentation", () => {
		const links = codexLinks();
		expect(links.length).toBeGreaterThanOrEqual(7);
		for (const [file, url] of links) expect(DOCUMENTATION_HOSTS, `${file}: ${url}`).toContain(new URL(url).host);
	});
});
