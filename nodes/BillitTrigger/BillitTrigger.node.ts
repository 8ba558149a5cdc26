import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS } from '../../lib/billit/webhooks/webhook-signature';
import {
	authenticationProperty,
	companyProperties,
	contextPartyIdProperty,
} from '../shared/billit/descriptions/connection';
import { BILLIT_APP_DESCRIPTION } from '../shared/billit/appDescription';
import { listSearch } from '../shared/billit/methods/listSearch';
import { receiveDelivery } from './receive';
import { createRegistrations, deleteRegistrations, registrationsExist } from './registration';

export class BillitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billit Trigger',
		name: 'billitTrigger',
		icon: { light: 'file:../shared/icons/billit.svg', dark: 'file:../shared/icons/billit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: BILLIT_APP_DESCRIPTION,
		defaults: { name: 'Billit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'billitApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'billitOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Billit delivers webhooks to HTTPS URLs only. Deliveries are at least once: the same change can arrive again, so make the steps after this trigger idempotent. A replay of a delivery already received is answered without a second execution. Test runs in the editor register their own webhooks, remove them when the test ends, and do not save state.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationProperty,
			...companyProperties,
			contextPartyIdProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['orderCreated'],
				description:
					'Billit documents four webhooks per company: invoice created/updated and delivery message created/updated',
				options: [
					{
						name: 'Delivery Message Created',
						value: 'messageCreated',
						description: 'A delivery status message (Peppol, e-mail) was added to an invoice',
					},
					{
						name: 'Delivery Message Updated',
						value: 'messageUpdated',
						description: 'A delivery status changed, e.g. to Delivered, Accepted or Refused',
					},
					{ name: 'Invoice Created', value: 'orderCreated' },
					{
						name: 'Invoice Deleted',
						value: 'orderDeleted',
						description: 'Not confirmed by Billit\'s documentation; registering it may be refused',
					},
					{ name: 'Invoice Updated', value: 'orderUpdated' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Allow Plain HTTP',
						name: 'allowPlainHttp',
						type: 'boolean',
						default: false,
						description:
							'Whether to register an http:// webhook URL. Billit itself refuses them; only for local test servers such as the Billit emulator.',
					},
					{
						displayName: 'Fetch Full Invoice',
						name: 'fetchInvoice',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the whole invoice from Billit before the workflow starts. Adds one API call before Billit gets its answer; if it fails, Billit is answered 503 so it can deliver again.',
					},
					{
						displayName: 'Signature Tolerance (Seconds)',
						name: 'signatureToleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
						description:
							'How far the signed timestamp may be from this server\'s clock; older deliveries are refused as possible replays',
					},
				],
			},
		],
	};

	methods = { listSearch };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await registrationsExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createRegistrations.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteRegistrations.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
