export const NOT_THE_INVOICE_NUMBER =
	"The invoice ID is Billit's OrderID, not the invoice number: pick the invoice From List (search it by number) or choose By Invoice Number";

/** Billit's 404 on `/v1/orders/<id>…` said as what it usually means. */
export function withOrderNotFoundHint(error: unknown, path: string): unknown {
	const match = /^\/v1\/orders\/(\d+)(?:\/|$)/.exec(path);
	const status = (error as { httpCode?: unknown } | null)?.httpCode;
	if (!match || String(status) !== '404' || !(error instanceof Error)) return error;
	error.message = `Billit has no invoice with OrderID ${match[1]} (404). ${NOT_THE_INVOICE_NUMBER}`;
	return error;
}
