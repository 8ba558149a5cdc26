import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import {
	authenticationProperty,
	companyProperties,
	contextPartyIdProperty,
} from '../shared/billit/descriptions/connection';
import { orderFiltersWithout } from '../shared/billit/descriptions/orderFilters';
import { listSearch } from '../shared/billit/methods/listSearch';
import { pollInbox, sampleInbox } from './inboxSource';
import { pollKeyset, sampleKeyset } from './keysetSource';
import { pollNewOrders, sampleNewOrders } from './newOrderSource';
import { readPollSettings, type PollSettings } from './settings';
import { pollState, type PollState } from './state';

type Poll = (this: IPollFunctions, settings: PollSettings, state: PollState) => Promise<IDataObject[]>;
type Sample = (this: IPollFunctions, settings: PollSettings) => Promise<IDataObject[]>;

const SOURCES: Record<PollSettings['event'], { poll: Poll; sample: Sample }> = {
	newInvoice: { poll: pollNewOrders, sample: sampleNewOrders },
	newIncomingInvoice: { poll: pollNewOrders, sample: sampleNewOrders },
	changedInvoice: { poll: pollKeyset, sample: sampleKeyset },
	deletedInvoice: { poll: pollKeyset, sample: sampleKeyset },
	newPeppolInboxItem: { poll: pollInbox, sample: sampleInbox },
};

function filtersFor(events: string[], ...fixed: string[]): INodeProperties {
	return { ...orderFiltersWithout(...fixed), displayOptions: { show: { event: events } } };
}

export class BillitPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billit Poll Trigger',
		name: 'billitPollTrigger',
		icon: { light: 'file:../shared/icons/billit.svg', dark: 'file:../shared/icons/billit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow on new, changed or deleted Billit invoices and new Peppol inbox items, by polling (for n8n instances Billit cannot reach)',
		defaults: { name: 'Billit Poll Trigger' },
		polling: true,
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
		properties: [
			{
				displayName:
					'Emits at least once: the position is saved when a poll emits, before the rest of the workflow ran, so a crash in between repeats nothing and loses nothing only if later steps are idempotent (mark exported, confirm the inbox item, skip files already uploaded). Test runs in the editor return a sample and do not save state.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationProperty,
			...companyProperties,
			contextPartyIdProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newInvoice',
				options: [
					{
						name: 'Changed Invoice',
						value: 'changedInvoice',
						description: 'Any created or edited invoice, credit note or offer, in order of last change',
					},
					{ name: 'Deleted Invoice', value: 'deletedInvoice' },
					{ name: 'New Incoming Invoice', value: 'newIncomingInvoice', description: 'New purchase invoices and credit notes' },
					{ name: 'New Invoice', value: 'newInvoice', description: 'New sales or purchase documents' },
					{
						name: 'New Peppol Inbox Item',
						value: 'newPeppolInboxItem',
						description: 'Documents received over Peppol and not confirmed yet',
					},
				],
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'options',
				default: 'now',
				description: 'Where the first poll after activation starts',
				displayOptions: { hide: { event: ['newPeppolInboxItem'] } },
				options: [
					{ name: 'Now', value: 'now', description: 'Only documents from activation on' },
					{ name: 'A Date', value: 'date', description: 'Backfill: documents since a date, in bounded batches' },
				],
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				required: true,
				displayOptions: { show: { startFrom: ['date'] }, hide: { event: ['newPeppolInboxItem'] } },
			},
			{
				displayName: 'Max Documents per Poll',
				name: 'maxDocuments',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description: 'The rest follow on the next polls, so a backfill proceeds in bounded batches',
			},
			filtersFor(['newInvoice', 'changedInvoice']),
			filtersFor(['newIncomingInvoice'], 'orderDirection'),
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings.call(this);
		const source = SOURCES[settings.event];
		const documents =
			this.getMode() === 'manual'
				? await source.sample.call(this, settings)
				: await source.poll.call(this, settings, pollState.call(this, settings.event));
		if (documents.length === 0) return null;
		return [this.helpers.returnJsonArray(documents)];
	}
}
