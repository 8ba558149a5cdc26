import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Billit } from '../../../nodes/Billit/Billit.node';
import { BillitPeppol } from '../../../nodes/BillitPeppol/BillitPeppol.node';
import { FileExchange } from '../../../nodes/FileExchange/FileExchange.node';
import { InvoiceFile } from '../../../nodes/InvoiceFile/InvoiceFile.node';
import { repoRoot } from '../../support/n8n/repo';

// A newcomer finds an operation from its UI in one step: nodes/<Node>/actions/[<resource>/]<value>.operation.ts.
const ACTION_NODES: Array<[string, INodeType]> = [
	['Billit', new Billit()],
	['BillitPeppol', new BillitPeppol()],
	['FileExchange', new FileExchange()],
	['InvoiceFile', new InvoiceFile()],
];

/** Where each operation of a node should live, from its Operation selectors. */
function expectedOperationFiles(folder: string, node: INodeType): string[] {
	return node.description.properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.flatMap((property) => {
			const resource = property.displayOptions?.show?.resource?.[0];
			const base = resource === undefined ? 'actions' : `actions/${String(resource)}`;
			return (property.options ?? []).map((option) =>
				`nodes/${folder}/${base}/${String((option as { value: string }).value)}.operation.ts`,
			);
		});
}

function operationFilesIn(folder: string): string[] {
	const actions = join(repoRoot, 'nodes', folder, 'actions');
	return readdirSync(actions, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.operation.ts'))
		.map((file) => relative(repoRoot, join(actions, file)).split(sep).join('/'));
}

describe('node layout', () => {
	it.each(ACTION_NODES)("%s: every operation's file is named after its UI value, and every operation file is an operation", (folder, node) => {
		const expected = expectedOperationFiles(folder, node);
		expect(expected.length).toBeGreaterThan(3);
		expect(expected.filter((file) => !existsSync(join(repoRoot, file)))).toEqual([]);
		expect(operationFilesIn(folder).sort()).toEqual([...expected].sort());
	});

	it('names files in camelCase: no kebab-case, *.fields.ts or *.description.ts under nodes/', () => {
		const files = readdirSync(join(repoRoot, 'nodes'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
		expect(files.filter((file) => /-|\.fields\.ts$|\.description\.ts$/.test(file))).toEqual([]);
	});
});
