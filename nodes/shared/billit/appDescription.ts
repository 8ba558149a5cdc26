/**
 * The description of the Billit node and of the Billit Trigger. n8n's node creator shows the two as one
 * "Billit" entry with the trigger's description, so the trigger carries the text that fits that entry.
 */
export const BILLIT_APP_DESCRIPTION =
	'Invoices, parties, products, documents and exports in Billit, and a trigger on invoice and delivery changes';
