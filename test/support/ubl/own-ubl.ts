import { buildUbl } from '../../../lib/ubl/build';
import type { Identifier, TaxCategory } from '../../../lib/ubl/model';
import { PEPPOL_BILLING_CUSTOMIZATION_ID, PEPPOL_BILLING_PROFILE_ID } from '../../../lib/ubl/namespaces';

const STANDARD_RATE: TaxCategory = { id: 'S', percent: '21', taxSchemeId: 'VAT' };

/** A one-line Peppol BIS invoice as a sender builds it itself for sendOrder's `{ XML }` body. */
export function ownInvoiceXml(id: string, sellerVat: string, buyerEndpoint: Identifier): string {
	const address = { streetName: 'Kerkstraat 1', cityName: 'Gent', postalZone: '9000', countryCode: 'BE' };
	return buildUbl({
		kind: 'Invoice',
		customizationId: PEPPOL_BILLING_CUSTOMIZATION_ID,
		profileId: PEPPOL_BILLING_PROFILE_ID,
		id,
		issueDate: '2026-03-02',
		dueDate: '2026-04-01',
		typeCode: '380',
		currency: 'EUR',
		buyerReference: `PO-${id}`,
		seller: {
			endpoint: { schemeId: '0208', id: sellerVat.slice(2) },
			name: 'Own UBL Seller BV',
			registrationName: 'Own UBL Seller BV',
			vatId: sellerVat,
			address,
		},
		buyer: { endpoint: buyerEndpoint, name: 'Own UBL Buyer NV', registrationName: 'Own UBL Buyer NV', address },
		taxTotal: { taxAmount: '21.00', subtotals: [{ taxableAmount: '100.00', taxAmount: '21.00', category: STANDARD_RATE }] },
		totals: {
			lineExtensionAmount: '100.00',
			taxExclusiveAmount: '100.00',
			taxInclusiveAmount: '121.00',
			payableAmount: '121.00',
		},
		lines: [
			{
				id: '1',
				quantity: '4',
				unitCode: 'C62',
				lineExtensionAmount: '100.00',
				item: { name: 'Consulting hour', taxCategory: STANDARD_RATE },
				price: { amount: '25' },
			},
		],
	}).toString('utf8');
}
