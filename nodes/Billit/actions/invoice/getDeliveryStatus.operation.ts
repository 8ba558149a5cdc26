import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../../descriptions/locators';
import { fetchOrder, orderIdParameter } from '../../helpers/orders';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getDeliveryStatus'] } },
	[invoiceLocator()],
);

/** Billit's delivery feedback for one order: the current status and each transport message. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const order = await fetchOrder.call(this, itemIndex, orderId);
	const details = (order.CurrentDocumentDeliveryDetails as IDataObject | undefined) ?? {};
	const messages = ((order.Messages as IDataObject[] | undefined) ?? []).map((message) => ({
		TransportType: message.TransportType,
		Description: message.Description,
		Success: message.Success,
		Trials: message.Trials,
		Destination: message.Destination,
		Direction: message.MessageDirection,
		CreationDate: message.CreationDate,
		FileID: message.FileID,
	}));
	const latest = messages[messages.length - 1];
	return [
		{
			json: {
				OrderID: orderId,
				OrderNumber: order.OrderNumber,
				IsSent: order.IsSent,
				Delivered: details.IsDocumentDelivered ?? false,
				DeliveryStatus:
					details.DocumentDeliveryStatus ??
					(latest ? (latest.Success ? 'Sent' : 'Error') : 'NotSent'),
				DeliveryDate: details.DocumentDeliveryDate,
				DeliveryInfo: details.DocumentDeliveryInfo,
				RefusedDate: details.DocumentRefusedDate,
				RefusedInfo: details.DocumentRefusedInfo,
				LastTransport: latest?.TransportType,
				Messages: messages,
			} as IDataObject,
		},
	];
}
