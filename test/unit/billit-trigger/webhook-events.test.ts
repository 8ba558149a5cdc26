import { describe, expect, it } from 'vitest';
import { decodeWebhookEnvelope, eventNameOf } from '../../../lib/billit/webhooks/webhook-events';

const message = {
	OrderID: 812,
	Description: 'Document delivered to the Peppol access point',
	FileID: 'f-1',
	CreationDate: '2026-03-02T10:00:00Z',
	TransportType: 'Peppol',
	Success: true,
	Trials: 1,
	Destination: '0208:0123456749',
	MessageDirection: 'Outgoing',
};

describe('decodeWebhookEnvelope', () => {
	it('decodes an order event with its order id', () => {
		expect(
			decodeWebhookEnvelope({ UpdatedEntityID: 812, UpdatedEntityType: 'Order', WebhookUpdateTypeTC: 'U', EntityDetail: { OrderID: 812 } }),
		).toEqual({ event: 'orderUpdated', entityType: 'Order', updateType: 'U', entityId: 812, orderId: 812 });
	});

	it('decodes the nested message shape', () => {
		const decoded = decodeWebhookEnvelope({
			UpdatedEntityID: 9001,
			UpdatedEntityType: 'Message',
			WebhookUpdateTypeTC: 'I',
			EntityDetail: { OrderMessage: message, AdditionalMessageInformation: { EInvoiceFlowState: 'Delivered' } },
		});
		expect(decoded).toMatchObject({ event: 'messageCreated', entityId: 9001, orderId: 812, flowState: 'Delivered', messageShape: 'nested' });
		expect(decoded.message).toEqual(message);
	});

	it('decodes the flat message shape to the same fields', () => {
		const decoded = decodeWebhookEnvelope({
			UpdatedEntityID: '9001',
			UpdatedEntityType: 'Message',
			WebhookUpdateTypeTC: 'U',
			EntityDetail: {
				...message,
				MessageAdditionalInformation: { EInvoiceFlowState: 'Refused', AdditionalFlowStateInformation: 'Wrong VAT number' },
			},
		});
		expect(decoded).toMatchObject({
			event: 'messageUpdated',
			entityId: 9001,
			orderId: 812,
			flowState: 'Refused',
			flowStateInformation: 'Wrong VAT number',
			messageShape: 'flat',
		});
		expect(decoded.message).toEqual(message);
	});

	it('never throws on unexpected bodies', () => {
		for (const body of [null, 'text', [], { UpdatedEntityType: 'Party', WebhookUpdateTypeTC: 'X' }]) {
			expect(decodeWebhookEnvelope(body).event).toBeUndefined();
		}
	});

	it('names the known (entity, update type) pairs only', () => {
		expect(eventNameOf('Order', 'D')).toBe('orderDeleted');
		expect(eventNameOf('Message', 'D')).toBeUndefined();
	});
});
