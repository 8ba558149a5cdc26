/**
 * The behaviours the sandbox suite checks, one named check each: what the package assumes, and a
 * run that says whether the API confirms it, contradicts it, or does not let it be observed.
 */
import { and, compare, compareDate } from '../../lib/billit/listing/filters';
import { KEYSET_ORDER_BY, keyOf, keysetFilter } from '../../lib/billit/listing/keyset';
import { ownInvoiceXml } from '../../test/support/ubl/own-ubl';
import { billitError, type Answer, type SandboxClient } from './client';

export type Verdict = 'confirmed' | 'contradicted' | 'not observable';

export interface Outcome {
	verdict: Verdict;
	observed: string;
}

export interface CheckContext {
	client: SandboxClient;
	suffix: string;
	/** `scheme:id` of a Peppol receiver the sandbox may send to; sendxml is skipped without. */
	peppolReceiver?: string;
	partyId: string;
	created: { orders: number[]; webhooks: number[] };
}

export interface Check {
	name: string;
	assumption: string;
	run(ctx: CheckContext): Promise<Outcome>;
}

type Order = Record<string, unknown>;

const RATE_PROBE_REQUESTS = 100;
const RATE_PROBE_BATCH = 10;

const today = () => new Date().toISOString().slice(0, 10);
const verdict = (holds: boolean): Verdict => (holds ? 'confirmed' : 'contradicted');

/** How an answer reads in a report line: status and Billit's error code when there is one. */
function said(answer: Answer): string {
	const { code } = billitError(answer.json);
	return code ? `${answer.status} ${code}` : String(answer.status);
}

async function createOrder(ctx: CheckContext, name: string, extra: Order = {}, headers?: Record<string, string>): Promise<Answer> {
	const body = {
		OrderType: 'Invoice',
		OrderDirection: 'Income',
		OrderDate: today(),
		Reference: `sandbox-check-${ctx.suffix}-${name}`,
		Customer: { Name: `Sandbox check ${ctx.suffix}`, CountryCode: 'BE', Email: `sandbox-check-${ctx.suffix}@example.com` },
		OrderLines: [{ Quantity: 1, UnitPriceExcl: 10, VATPercentage: 21, Description: 'Sandbox check' }],
		...extra,
	};
	const answer = await ctx.client.request('POST', '/v1/orders', { body, headers });
	if (answer.status < 300 && Number.isInteger(answer.json) && !ctx.created.orders.includes(answer.json as number)) ctx.created.orders.push(answer.json as number);
	return answer;
}

async function newOrder(ctx: CheckContext, name: string, extra?: Order): Promise<number> {
	const answer = await createOrder(ctx, name, extra);
	if (!Number.isInteger(answer.json)) throw new Error(`creating an order answered ${said(answer)}`);
	return answer.json as number;
}

async function readOrder(ctx: CheckContext, id: number): Promise<Order> {
	const answer = await ctx.client.request('GET', `/v1/orders/${id}`);
	if (answer.status !== 200) throw new Error(`reading order ${id} answered ${said(answer)}`);
	return answer.json as Order;
}

function listQuery(filter: string, extra: Record<string, string | number> = {}): string {
	const params = Object.entries({ $filter: filter, ...extra }).map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
	return `/v1/orders?${params.join('&')}`;
}

async function listOrders(ctx: CheckContext, filter: string, extra?: Record<string, string | number>): Promise<{ answer: Answer; items: Order[] }> {
	const answer = await ctx.client.request('GET', listQuery(filter, extra));
	const items = answer.status === 200 ? ((answer.json as { Items?: Order[] }).Items ?? []) : [];
	return { answer, items };
}

const ids = (items: Order[]) => items.map((item) => item.OrderID);

/** The file ids an order names in OrderPDF, Messages and Attachments. */
function fileIds(order: Order): Record<string, string[]> {
	const of = (files: unknown) => (Array.isArray(files) ? files : files ? [files] : []).map((file) => (file as { FileID?: unknown }).FileID).filter((id) => id !== undefined && id !== null).map(String);
	return { OrderPDF: of(order.OrderPDF), Messages: of(order.Messages), Attachments: of(order.Attachments) };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n').toString('base64');

export const CHECKS: Check[] = [
	{
		name: 'OData DateTime literal',
		assumption: "`$filter` compares dates written as DateTime'…' (200) and refuses a bare date with 400",
		async run(ctx) {
			const literal = await ctx.client.request('GET', listQuery(compareDate('LastModified', 'ge', '2026-01-01T00:00:00'), { $top: 1 }));
			const bare = await ctx.client.request('GET', listQuery('LastModified gt 2026-01-01', { $top: 1 }));
			return { verdict: verdict(literal.status === 200 && bare.status === 400), observed: `DateTime literal: ${said(literal)}; bare date: ${said(bare)}` };
		},
	},
	{
		name: 'Zone suffix in a DateTime literal',
		assumption: "a zone suffix in DateTime'…' is honoured, and a date without zone (as Billit returns LastModified) is UTC",
		async run(ctx) {
			const id = await newOrder(ctx, 'zone');
			const stamp = String((await readOrder(ctx, id)).LastModified);
			const instant = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(stamp) ? stamp : `${stamp}Z`);
			if (Number.isNaN(instant)) return { verdict: 'not observable', observed: `LastModified "${stamp}" is not a date` };
			/** Whether the order is older than the given digits (minutes from its stamp) with the given zone suffix. */
			const olderThan = async (minutes: number, zone: string) => {
				const digits = new Date(instant + minutes * 60_000).toISOString().slice(0, 19);
				const { answer, items } = await listOrders(ctx, and(compare('OrderID', 'eq', id), `LastModified lt DateTime'${digits}${zone}'`) as string);
				return answer.status === 200 ? items.length === 1 : said(answer);
			};
			// Half an hour later in digits but 12 hours earlier once +12:00 is applied, whatever zone Billit keeps.
			const farZone = await olderThan(30, '+12:00');
			if (typeof farZone === 'string') return { verdict: 'contradicted', observed: `LastModified is returned as "${stamp}"; a +12:00 suffix is refused (${farZone})` };
			if (farZone) return { verdict: 'contradicted', observed: `LastModified is returned as "${stamp}"; a +12:00 suffix is ignored (the digits are read as if without zone)` };
			// Half an hour earlier in UTC digits: older only when Billit's own dates are local time ahead of UTC.
			const utc = await olderThan(-30, 'Z');
			const reading = utc === false ? 'UTC' : utc === true ? 'local time ahead of UTC (Brussels time?)' : `not known (${utc})`;
			return { verdict: verdict(utc === false), observed: `LastModified is returned as "${stamp}"; a zone suffix is honoured; dates without zone read as ${reading}` };
		},
	},
	{
		name: 'substringof',
		assumption: 'OData v3 `substringof(needle, property)` filters text',
		async run(ctx) {
			const id = await newOrder(ctx, 'substring');
			const { answer, items } = await listOrders(ctx, and(compare('OrderID', 'eq', id), `substringof('${ctx.suffix}-substring', Reference)`) as string);
			return { verdict: verdict(ids(items).includes(id)), observed: `${said(answer)}, found the order: ${ids(items).includes(id)}` };
		},
	},
	{
		name: 'Keyset paging on LastModified',
		assumption: 'a page filtered after the last (LastModified, OrderID) seen, with Billit\'s LastModified sent back verbatim, returns the next order',
		async run(ctx) {
			const first = await newOrder(ctx, 'keyset-1');
			const second = await newOrder(ctx, 'keyset-2');
			const range = and(compare('OrderID', 'ge', first), compare('OrderID', 'le', second)) as string;
			const page1 = await listOrders(ctx, range, { $orderby: KEYSET_ORDER_BY, $top: 1 });
			if (page1.items.length !== 1) return { verdict: 'contradicted', observed: `first page: ${said(page1.answer)} with ${page1.items.length} orders` };
			const page2 = await listOrders(ctx, and(range, keysetFilter(keyOf(page1.items[0] as { LastModified: string; OrderID: number }))) as string, { $orderby: KEYSET_ORDER_BY, $top: 1 });
			const seen = [...ids(page1.items), ...ids(page2.items)];
			const holds = seen.length === 2 && seen.includes(first) && seen.includes(second);
			return { verdict: verdict(holds), observed: `first page ${said(page1.answer)} [${ids(page1.items).join()}], next page ${said(page2.answer)} [${ids(page2.items).join()}] for orders ${first} and ${second}` };
		},
	},
	{
		name: 'ExternalProviderID filter',
		assumption: 'an order created with an ExternalProviderID is found again by `ExternalProviderID eq …`',
		async run(ctx) {
			const externalId = `sandbox-check-${ctx.suffix}`;
			const id = await newOrder(ctx, 'external', { ExternalProviderID: externalId });
			const { answer, items } = await listOrders(ctx, compare('ExternalProviderID', 'eq', externalId));
			return { verdict: verdict(ids(items).length === 1 && ids(items)[0] === id), observed: `${said(answer)}, found [${ids(items).join()}] for order ${id}` };
		},
	},
	{
		name: 'Idempotency key reuse',
		assumption: 'a reused key answers 409 "Idempotent token already exists", under both Idempotency-Key and Idempotent-Key',
		async run(ctx) {
			const lines: string[] = [];
			let holds = true;
			for (const header of ['Idempotency-Key', 'Idempotent-Key']) {
				const headers = { [header]: `sandbox-check-${ctx.suffix}-${header}` };
				const first = await createOrder(ctx, `idempotency-${header}`, {}, headers);
				const again = await createOrder(ctx, `idempotency-${header}`, {}, headers);
				const { code, text } = billitError(again.json);
				const conflict = again.status === 409 && [code, text].some((value) => value?.includes('Idempotent token already exists'));
				holds &&= first.status === 200 && conflict;
				lines.push(`${header}: first ${said(first)}, reused ${said(again)}${text ? ` "${text}"` : ''}`);
			}
			return { verdict: verdict(holds), observed: lines.join('; ') };
		},
	},
	{
		name: 'Export markers that can be patched',
		assumption: 'ExportedToConnector and IsSent can be patched on an order; Tags cannot (not on the documented patch list)',
		async run(ctx) {
			const id = await newOrder(ctx, 'markers');
			const markers: Array<[string, unknown, boolean]> = [
				['ExportedToConnector', true, true],
				['IsSent', true, true],
				['Tags', ['sandbox-check'], false],
			];
			const lines: string[] = [];
			let holds = true;
			for (const [field, value, expected] of markers) {
				const answer = await ctx.client.request('PATCH', `/v1/orders/${id}`, { body: { [field]: value } });
				const stored = JSON.stringify((await readOrder(ctx, id))[field]) === JSON.stringify(value);
				const applied = answer.status < 300 && stored;
				holds &&= applied === expected;
				lines.push(`${field}: ${said(answer)}, ${stored ? 'read back as patched' : 'not read back as patched'}`);
			}
			return { verdict: verdict(holds), observed: lines.join('; ') };
		},
	},
	{
		name: 'Order read carries no Payments',
		assumption: 'reading an order returns no payment list',
		async run(ctx) {
			const id = await newOrder(ctx, 'payments-list');
			const order = await readOrder(ctx, id);
			return { verdict: verdict(!('Payments' in order)), observed: 'Payments' in order ? `Payments is present: ${JSON.stringify(order.Payments).slice(0, 100)}` : 'no Payments field' };
		},
	},
	{
		name: 'Payment amount sign',
		assumption: 'a payment with a positive amount is accepted and one with a negative amount is refused (400)',
		async run(ctx) {
			const id = await newOrder(ctx, 'payment');
			const positive = await ctx.client.request('POST', `/v1/orders/${id}/payments`, { body: { Amount: 1, Description: 'Sandbox check', Date: today() } });
			const negative = await ctx.client.request('POST', `/v1/orders/${id}/payments`, { body: { Amount: -1, Description: 'Sandbox check', Date: today() } });
			return { verdict: verdict(positive.status === 200 && negative.status === 400), observed: `positive: ${said(positive)}; negative: ${said(negative)}` };
		},
	},
	{
		name: 'File ids in list answers',
		assumption: 'a list answer carries the same OrderPDF, Messages and Attachments file ids as a single read (emulator switch listFileIds, default true)',
		async run(ctx) {
			const file = (name: string) => ({ FileName: name, MimeType: 'application/pdf', FileContent: PDF });
			const id = await newOrder(ctx, 'files', { OrderPDF: file('invoice.pdf'), Attachments: [file('annex.pdf')] });
			const single = fileIds(await readOrder(ctx, id));
			const { answer, items } = await listOrders(ctx, compare('OrderID', 'eq', id));
			if (Object.values(single).every((list) => list.length === 0)) return { verdict: 'not observable', observed: 'the single read names no file ids' };
			const listed = items[0] ? fileIds(items[0]) : undefined;
			const fields = Object.keys(single).map((field) => `${field} ${single[field].length} in a read, ${listed ? listed[field].length : '-'} in the list`);
			const same = listed !== undefined && JSON.stringify(listed) === JSON.stringify(single);
			const none = listed !== undefined && Object.values(listed).every((list) => list.length === 0);
			// In the emulator's terms: listFileIds true (default) or false; anything else fits neither setting.
			const setting = same ? 'emulator switch listFileIds: true' : none ? 'emulator switch listFileIds: false' : 'fits neither listFileIds setting';
			return { verdict: verdict(same), observed: `${setting}; list ${said(answer)}; ${fields.join(', ')}` };
		},
	},
	{
		name: 'Webhook refresh answers a string',
		assumption: 'POST /v1/webhooks/refresh/{id} answers the new secret as a bare JSON string',
		async run(ctx) {
			const created = await ctx.client.request('POST', '/v1/webhooks', { body: { EntityType: 'Order', EntityUpdateType: 'U', WebhookURL: `https://example.com/billit-sandbox-check/${ctx.suffix}` } });
			const webhookId = (created.json as { WebhookID?: number } | undefined)?.WebhookID;
			if (typeof webhookId !== 'number') return { verdict: 'not observable', observed: `creating a webhook answered ${said(created)}` };
			ctx.created.webhooks.push(webhookId);
			const refreshed = await ctx.client.request('POST', `/v1/webhooks/refresh/${webhookId}`);
			const shape = Array.isArray(refreshed.json) ? 'a list' : refreshed.json === undefined ? 'not JSON' : typeof refreshed.json;
			return { verdict: verdict(refreshed.status === 200 && typeof refreshed.json === 'string'), observed: `${said(refreshed)}, the answer is ${shape}` };
		},
	},
	{
		name: 'sendxml answer shape',
		assumption: 'POST /v1/peppol/sendxml with { XML } sends own UBL and answers 200',
		async run(ctx) {
			if (!ctx.peppolReceiver) return { verdict: 'not observable', observed: 'no Peppol receiver set (BILLIT_SANDBOX_PEPPOL_RECEIVER=scheme:id)' };
			const [schemeId, id] = ctx.peppolReceiver.split(':');
			const account = await ctx.client.request('GET', '/v1/account/accountInformation');
			const companies = (account.json as { Companies?: Array<{ PartyID?: unknown; VATNumber?: string }> } | undefined)?.Companies ?? [];
			const vat = companies.find((company) => String(company.PartyID) === ctx.partyId)?.VATNumber;
			if (!vat) return { verdict: 'not observable', observed: `the account information names no VAT number for this company (${said(account)})` };
			const answer = await ctx.client.request('POST', '/v1/peppol/sendxml', { body: { XML: ownInvoiceXml(`SBX-${ctx.suffix}`, vat, { schemeId, id }) } });
			const json = answer.json;
			const shape = json === undefined ? 'not JSON' : Array.isArray(json) ? 'a list' : typeof json === 'object' && json ? `an object with ${Object.keys(json).join(', ')}` : `${Number.isInteger(json) ? 'an integer' : typeof json}`;
			return { verdict: verdict(answer.status === 200), observed: `${said(answer)}, the answer is ${shape}` };
		},
	},
	{
		name: 'Rate limit',
		assumption: 'more than about 25 requests per second answer 429 with a Retry-After header',
		async run(ctx) {
			const start = Date.now();
			const answers: Array<{ status: number; at: number; retryAfter: string | null }> = [];
			while (answers.length < RATE_PROBE_REQUESTS && !answers.some((a) => a.status === 429)) {
				const batch = await Promise.all(Array.from({ length: RATE_PROBE_BATCH }, () => ctx.client.request('GET', '/v1/orders?$top=1', { raw: true })));
				for (const answer of batch) answers.push({ status: answer.status, at: Date.now() - start, retryAfter: answer.headers.get('retry-after') });
			}
			const limited = answers.find((answer) => answer.status === 429);
			if (!limited) return { verdict: 'not observable', observed: `no 429 in ${answers.length} requests over ${Date.now() - start} ms` };
			const before = answers.indexOf(limited);
			const retry = limited.retryAfter === null ? 'without Retry-After' : `with Retry-After ${limited.retryAfter}`;
			// Let the window pass before the next checks and the cleanup.
			await new Promise((resolve) => setTimeout(resolve, Math.min(Number(limited.retryAfter) || 1, 10) * 1000));
			return { verdict: verdict(limited.retryAfter !== null), observed: `first 429 after ${before} requests sent in batches of ${RATE_PROBE_BATCH} were answered within ${limited.at} ms, ${retry}` };
		},
	},
	{
		name: 'Answers match the published model',
		assumption: "every successful answer of this run fits the answer type of Billit's published model",
		async run(ctx) {
			const departures = [...new Set(ctx.client.all.flatMap((exchange) => exchange.departures ?? []))];
			const checked = ctx.client.all.filter((exchange) => exchange.status < 300).length;
			return {
				verdict: verdict(departures.length === 0),
				observed: departures.length === 0 ? `${checked} successful answers, none departs from the model` : `${departures.length} departures: ${departures.join('; ')}`,
			};
		},
	},
];
