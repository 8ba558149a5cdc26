import type { IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import type { BillitRequestOptions } from '../../lib/billit/request/request';

export type TriggerContext = IHookFunctions | IPollFunctions | IWebhookFunctions;

function optionalId(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	return /^\d+$/.test(text) ? text : undefined;
}

/** The Company and Context Party ID chosen on a trigger node, as request options. */
export function triggerCompany(
	this: TriggerContext,
): Pick<BillitRequestOptions, 'partyId' | 'contextPartyId'> {
	return {
		partyId: optionalId(this.getNodeParameter('company', '', { extractValue: true })),
		contextPartyId: optionalId(this.getNodeParameter('contextPartyId', '')),
	};
}
