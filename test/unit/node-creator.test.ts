import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeTypeDescription } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Billit } from '../../nodes/Billit/Billit.node';
import { BillitPeppol } from '../../nodes/BillitPeppol/BillitPeppol.node';
import { BillitPollTrigger } from '../../nodes/BillitPollTrigger/BillitPollTrigger.node';
import { BillitTrigger } from '../../nodes/BillitTrigger/BillitTrigger.node';
import { FileExchange } from '../../nodes/FileExchange/FileExchange.node';
import { FileExchangeTrigger } from '../../nodes/FileExchangeTrigger/FileExchangeTrigger.node';
import { InvoiceFile } from '../../nodes/InvoiceFile/InvoiceFile.node';

const nodes: Record<string, INodeTypeDescription> = Object.fromEntries(
	[Billit, BillitPeppol, BillitPollTrigger, BillitTrigger, FileExchange, FileExchangeTrigger, InvoiceFile].map(
		(Node) => {
			const { description } = new Node();
			return [description.name, description];
		},
	),
);

/** The codex beside a node, whose `alias` list n8n's loader hands to the node creator's search. */
function aliasesOf(folder: string): string[] {
	const codex = JSON.parse(readFileSync(join(__dirname, '../../nodes', folder, `${folder}.node.json`), 'utf8')) as {
		alias?: string[];
	};
	return codex.alias ?? [];
}

/** n8n's node creator searches the display name and the codex aliases. */
function searchTerms(folder: string, name: string): string[] {
	return [...nodes[name].displayName.split(' '), ...aliasesOf(folder)].map((term) => term.toLowerCase());
}

describe('node creator', () => {
	it.each([
		['FileExchange', 'fileExchange', ['SFTP', 'FTP', 'FTPS']],
		['FileExchangeTrigger', 'fileExchangeTrigger', ['SFTP', 'FTP', 'FTPS']],
		['InvoiceFile', 'invoiceFile', ['EDI', 'X12', 'EDIFACT', 'CSV']],
		['BillitPeppol', 'billitPeppol', ['Peppol', 'UBL', 'e-invoice']],
	])('finds %s by the words people type', (folder, name, words) => {
		const terms = searchTerms(folder, name);
		expect(words.filter((word) => !terms.includes(word.toLowerCase()))).toEqual([]);
	});

	it("shows each node's own description on the entry it shares with its trigger", () => {
		// n8n merges "<name>Trigger" into the entry of "<name>" and gives that entry the trigger's description.
		const merged = Object.values(nodes)
			.filter((node) => node.group.includes('trigger') && nodes[node.name.replace('Trigger', '')])
			.map((trigger) => [trigger.name, trigger.description, nodes[trigger.name.replace('Trigger', '')].description]);
		expect(merged.map(([name]) => name)).toEqual(['billitTrigger', 'fileExchangeTrigger']);
		for (const [, shown, own] of merged) expect(shown).toBe(own);
	});
});
