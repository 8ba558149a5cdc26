/**
 * One webhook delivery: verify `Billit-Signature` against the stored secrets (401 and no execution
 * when it fails), answer a replay inside the window with 200 without a second execution, decode the
 * envelope, and optionally fetch the full invoice before emitting.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { billitRequest } from '../../lib/billit/request/request';
import { SeenSet, type SeenRecord, type SeenSetLimits } from '../../lib/billit/state/seen-set';
import { decodeWebhookEnvelope, type WebhookEventName } from '../../lib/billit/webhooks/webhook-events';
import {
	BILLIT_SIGNATURE_HEADER,
	DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
	verifyBillitSignature,
} from '../../lib/billit/webhooks/webhook-signature';
import { storedSecrets } from './registration';

const MAX_REMEMBERED_DELIVERIES = 500;
const MIN_REPLAY_MEMORY_MS = 60 * 60 * 1000;

// Deliveries this process answered, by workflow and trigger node. n8n 2.41 runs webhook() on the main
// instance (in queue mode too), but a real n8n did not keep what webhook() wrote into static data
// from one delivery to the next (the e2e replay test), so static data alone never caught a replay.
const processDeliveries = new Map<string, SeenRecord>();

interface ReceiveOptions {
	fetchInvoice?: boolean;
	signatureToleranceSeconds?: number;
}

function answer(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	this.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function rawBodyOf(this: IWebhookFunctions): Buffer | string {
	const raw = (this.getRequestObject() as { rawBody?: Buffer | string }).rawBody;
	return raw ?? '';
}

async function verify(this: IWebhookFunctions, rawBody: Buffer | string, toleranceSeconds: number) {
	const header = this.getHeaderData()[BILLIT_SIGNATURE_HEADER.toLowerCase()] as string | string[] | undefined;
	const secrets = await storedSecrets.call(this);
	if (secrets.length === 0) secrets.push('');
	const nowSeconds = Math.floor(Date.now() / 1000);
	let result = verifyBillitSignature({ header, rawBody, secret: secrets[0], nowSeconds, toleranceSeconds });
	for (const secret of secrets.slice(1)) {
		if (result.valid) break;
		result = verifyBillitSignature({ header, rawBody, secret, nowSeconds, toleranceSeconds });
	}
	return result;
}

async function fetchInvoice(this: IWebhookFunctions, orderId: number): Promise<IDataObject> {
	return (await billitRequest.call(this, {
		method: 'GET',
		path: `/v1/orders/${orderId}`,
		// Billit waits for the answer: a short budget, then 503 so it can deliver again.
		retry: { maxAttempts: 2, budgetMs: 5_000 },
	})) as IDataObject;
}

/** The node's static data (kept across restarts where n8n saves it) and this process's memory. */
function deliveryMemories(this: IWebhookFunctions, limits: SeenSetLimits): SeenSet[] {
	const key = `${this.getWorkflow().id ?? ''}#${this.getNode().id}`;
	let record = processDeliveries.get(key);
	if (!record) {
		record = {};
		processDeliveries.set(key, record);
	}
	return [SeenSet.in(this.getWorkflowStaticData('node'), 'deliveries', limits), new SeenSet(record, limits)];
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = this.getNodeParameter('options', {}) as ReceiveOptions;
	const toleranceSeconds = options.signatureToleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
	const rawBody = rawBodyOf.call(this);
	const verification = await verify.call(this, rawBody, toleranceSeconds);
	if (!verification.valid) return answer.call(this, 401, `Invalid Billit signature: ${verification.reason}`);

	const nowMs = Date.now();
	const deliveries = deliveryMemories.call(this, {
		maxEntries: MAX_REMEMBERED_DELIVERIES,
		maxAgeMs: Math.max(2 * toleranceSeconds * 1000, MIN_REPLAY_MEMORY_MS),
	});
	// Billit has no delivery id: the same body, re-signed or replayed, is the same delivery.
	const deliveryKey = createHash('sha256').update(rawBody).digest('hex');
	if (deliveries.some((memory) => memory.has(deliveryKey, nowMs))) {
		return { webhookResponse: { received: true, duplicate: true } };
	}

	const body = this.getBodyData();
	const decoded = decodeWebhookEnvelope(body);
	const events = this.getNodeParameter('events', []) as WebhookEventName[];
	if (!decoded.event || !events.includes(decoded.event)) {
		return { webhookResponse: { received: true, ignored: decoded.event ?? 'unknown event' } };
	}

	const output: IDataObject = {
		...(decoded as unknown as IDataObject),
		signatureTimestamp: verification.timestamp,
		envelope: body,
	};
	if (options.fetchInvoice && decoded.orderId !== undefined && decoded.event !== 'orderDeleted') {
		try {
			output.invoice = await fetchInvoice.call(this, decoded.orderId);
		} catch (error) {
			this.logger.warn(`Billit Trigger: fetching invoice ${decoded.orderId} failed: ${(error as Error).message}`);
			return answer.call(this, 503, 'The invoice could not be fetched from Billit; deliver again later');
		}
	}
	for (const memory of deliveries) memory.add(deliveryKey, nowMs);
	return { workflowData: [this.helpers.returnJsonArray([output])] };
}
