import type { Order } from '../../../../lib/billit/types';

/** Where other nodes put a Billit invoice inside their item: the Billit Trigger under `invoice`, webhooks under `body`. */
const NESTING_KEYS = ['invoice', 'order', 'body', 'data', 'json'];

type Found = { order: Order } | { keys: string[] };

function parsedText(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (!text.startsWith('{')) return value;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return value;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isBillitOrder(value: Record<string, unknown>): boolean {
	return typeof value.OrderType === 'string' || Array.isArray(value.OrderLines);
}

/**
 * The Billit invoice in what the "Invoice (Billit JSON)" parameter gave: the order itself, as an
 * object or JSON text, or nested one or two levels down under a key where nodes put it. Otherwise
 * the top-level keys seen, for the message.
 */
export function findBillitOrder(value: unknown, depth = 0): Found {
	const candidate = parsedText(value);
	if (!isObject(candidate)) return { keys: [] };
	if (isBillitOrder(candidate)) return { order: candidate as Order };
	if (depth < 2) {
		for (const key of NESTING_KEYS) {
			const nested = findBillitOrder(candidate[key], depth + 1);
			if ('order' in nested) return nested;
		}
	}
	return { keys: Object.keys(candidate) };
}

/** The message for an item without a Billit invoice: which keys it has, and how to point at the invoice. */
export function noOrderMessage(keys: string[]): string {
	const seen = keys.length === 0 ? 'nothing that is a JSON object' : `the keys ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`;
	return `"Invoice (Billit JSON)" holds no Billit invoice (no OrderType or OrderLines); it has ${seen}`;
}

export const NO_ORDER_HINT =
	"Point \"Invoice (Billit JSON)\" at the invoice, e.g. {{ JSON.stringify($('Get Invoice').item.json) }} for a Billit node before this one, or {{ JSON.stringify($json.invoice) }} behind the Billit Trigger with \"Fetch Invoice\" on. The Billit node's Invoice → Get gives the whole invoice.";
