import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { Billit } from '../../../nodes/Billit/Billit.node';
import { itemWithoutBillitUbl } from '../../../nodes/Billit/helpers/downloadWithoutUbl';
import { fakeExecute } from '../../support/fake-n8n/execute';

const properties = new Billit().description.properties;

function whenNoUblFor(resource: string): INodeProperties | undefined {
	return properties.find(
		(property) =>
			property.name === 'whenNoUbl' &&
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions.show.operation?.includes('download'),
	);
}

describe('Invoice Download: When Billit Has No UBL', () => {
	it('is an invoice download choice shown for the UBL file only, failing by default as before', () => {
		const property = whenNoUblFor('invoice');
		expect(property).toMatchObject({ default: 'error', displayOptions: { show: { file: ['ubl'] } } });
		expect(property?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'build',
			'error',
			'returnWithoutFile',
		]);
		expect(whenNoUblFor('incomingInvoice')).toBeUndefined();
	});

	it("returns the invoice without a file and with ublSource 'none', asking Billit nothing more", async () => {
		const { context, httpCalls } = fakeExecute({ parameters: { binaryPropertyName: 'data' } });
		const item = await itemWithoutBillitUbl.call(
			context,
			0,
			42,
			{ order: { OrderID: 42, OrderNumber: '2026/0042', Attachments: [] }, read: false },
			'returnWithoutFile',
		);
		expect(item).toEqual({ json: { OrderID: 42, OrderNumber: '2026/0042', ublSource: 'none', files: [] } });
		expect(httpCalls).toHaveLength(0);
	});

	it('keeps an invoice it had to read on the item, so the next node need not read it again', async () => {
		const { context } = fakeExecute({ parameters: { binaryPropertyName: 'data' } });
		const order = { OrderID: 42, OrderNumber: '2026/0042', OrderPDF: { FileID: 'f-1' }, Messages: [], Attachments: [] };
		const item = await itemWithoutBillitUbl.call(context, 0, 42, { order, read: true }, 'returnWithoutFile');
		expect(item.json).toEqual({ ...order, ublSource: 'none', files: [] });
	});
});
