import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { Billit } from '../../../nodes/Billit/Billit.node';
import { resourceOptions, resources } from '../../../nodes/Billit/actions/resources';
import codex from '../../../nodes/Billit/Billit.node.json';
import type { ItemOperation } from '../../../nodes/shared/types';

const description = new Billit().description;

function operationOptions(resource: string): string[] {
	const selector = description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
	);
	return (selector?.options ?? []).map((option) => (option as { value: string }).value);
}

/** Properties shown for one resource and operation. */
/** Whether a `@version` condition (a version number or `{ _cnd: { gte } }`) admits the node version. */
function versionShown(conditions: unknown[] | undefined, version: number): boolean {
	if (!conditions) return true;
	return conditions.some((condition) =>
		typeof condition === 'number' ? condition === version : version >= ((condition as { _cnd: { gte: number } })._cnd.gte),
	);
}

function shown(resource: string, operation: string, version = 2): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && show.operation?.includes(operation) && versionShown(show['@version'], version);
	});
}

describe('Billit node description', () => {
	it('is an action node usable as a tool with both Billit credentials', () => {
		expect(description).toMatchObject({
			name: 'billit',
			displayName: 'Billit',
			usableAsTool: true,
		});
		expect(description.credentials?.map((credential) => credential.name)).toEqual([
			'billitApi',
			'billitOAuth2Api',
		]);
		expect(codex.node).toBe('n8n-nodes-billit.billit');
	});

	it('offers every resource of the issue, each with its operations wired to an execute', () => {
		expect(resourceOptions.map((option) => option.value).sort()).toEqual(
			Object.keys(resources).sort(),
		);
		const expected: Record<string, string[]> = {
			invoice: [
				'addPayment',
				'create',
				'delete',
				'download',
				'get',
				'getDeleted',
				'getDeliveryStatus',
				'getMany',
				'markExported',
				'send',
				'update',
			],
			incomingInvoice: ['download', 'get', 'getMany', 'markExported'],
			party: ['createOrUpdate', 'get', 'getMany', 'update'],
			product: ['createOrUpdate', 'get', 'getMany'],
			document: ['deletePending', 'get', 'getMany', 'upload'],
			company: ['getAccountInformation', 'listCompanies', 'search'],
			accountantFeed: [
				'confirmItem',
				'createFeed',
				'deleteFeed',
				'downloadItem',
				'getItems',
				'listFeeds',
			],
			bankTransaction: ['getMany', 'importCoda', 'importTransactions'],
			report: ['get', 'getMany'],
			webhook: ['create', 'delete', 'list', 'refreshSecret'],
		};
		for (const [resource, operations] of Object.entries(expected)) {
			expect(operationOptions(resource).sort()).toEqual(operations);
			expect(Object.keys(resources[resource].operations).sort()).toEqual(operations);
			for (const operation of operations)
				expect(typeof (resources[resource].operations[operation] as ItemOperation).execute).toBe('function');
		}
	});

	it('never shows two properties with the same name for one operation', () => {
		for (const [resource, { operations }] of Object.entries(resources)) {
			for (const operation of Object.keys(operations)) {
				for (const version of [1, 2]) {
					const names = shown(resource, operation, version).map((property) => property.name);
					expect(names, `${resource}.${operation} v${version}`).toEqual([...new Set(names)]);
				}
			}
		}
	});

	it('requires the company with OAuth2 and makes it an override with an API key', () => {
		const companies = description.properties.filter((property) => property.name === 'company');
		expect(
			companies.map((property) => [
				property.displayOptions?.show?.authentication,
				property.required ?? false,
			]),
		).toEqual([
			[['oAuth2'], true],
			[['apiKey'], false],
		]);
		expect(companies[0].modes?.[0]).toMatchObject({
			typeOptions: { searchListMethod: 'searchCompanies' },
		});
	});

	it('has Simplify on the read operations and Split Lines on the invoice lists', () => {
		const optionNames = (resource: string, operation: string) =>
			shown(resource, operation).flatMap((property) => [
				property.name,
				...((property.options ?? []) as INodeProperties[]).map((option) => option.name),
			]);
		for (const [resource, operation] of [
			['invoice', 'get'],
			['invoice', 'getMany'],
			['incomingInvoice', 'get'],
			['incomingInvoice', 'getMany'],
			['party', 'get'],
			['party', 'getMany'],
		]) {
			expect(optionNames(resource, operation), `${resource}.${operation}`).toContain('simplify');
		}
		expect(optionNames('invoice', 'getMany')).toContain('splitLines');
		expect(optionNames('incomingInvoice', 'getMany')).toContain('splitLines');
	});

	it('lets an invoice be found by its number, and says that an ID is the OrderID', () => {
		const locator = shown('invoice', 'get').find((property) => property.name === 'orderId');
		expect(locator?.modes?.map((mode) => mode.name)).toEqual(['list', 'id', 'number']);
		const byId = locator?.modes?.find((mode) => mode.name === 'id');
		expect(JSON.stringify(byId?.validation)).toMatch(/OrderID, a number, not the invoice number: use By Invoice Number/);
	});
});
