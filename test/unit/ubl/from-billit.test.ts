import { describe, expect, it } from 'vitest';

import { endpointOf } from '../../../lib/ubl/billit-party';
import { unitCodeFor } from '../../../lib/ubl/billit-units';
import { UblBuildError } from '../../../lib/ubl/errors';
import { fromBillitOrder } from '../../../lib/ubl/from-billit';
import {
	PEPPOL_BILLING_CUSTOMIZATION_ID,
	PEPPOL_BILLING_PROFILE_ID,
} from '../../../lib/ubl/namespaces';
import { BELGIAN_CUSTOMER, COMPANY, DUTCH_CUSTOMER, line, salesOrder } from '../../support/ubl/billit-orders';

describe('fromBillitOrder', () => {
	it('maps a Belgian sales invoice with Peppol ids, parties, payment and totals', () => {
		const document = fromBillitOrder(salesOrder({ Reference: 'PO-881' }), COMPANY);
		expect(document).toMatchObject({
			kind: 'Invoice',
			customizationId: PEPPOL_BILLING_CUSTOMIZATION_ID,
			profileId: PEPPOL_BILLING_PROFILE_ID,
			id: '2026/0042',
			issueDate: '2026-11-15',
			dueDate: '2026-12-15',
			typeCode: '380',
			currency: 'EUR',
			buyerReference: 'PO-881',
			orderReference: { id: 'PO-881' },
			totals: {
				lineExtensionAmount: '100.00',
				taxExclusiveAmount: '100.00',
				taxInclusiveAmount: '121.00',
				payableAmount: '121.00',
			},
		});
		expect(document.seller).toEqual({
			endpoint: { id: '0123456749', schemeId: '0208' },
			name: 'Atelier Lumière',
			address: { streetName: 'Kerkstraat 12', cityName: 'Gent', postalZone: '9000', countryCode: 'BE' },
			vatId: 'BE0123456749',
			registrationName: 'Atelier Lumière BV',
			companyId: { id: '0123456749', schemeId: '0208' },
			contact: { email: 'billing@atelier.example' },
		});
		expect(document.buyer.address).toEqual({
			streetName: 'Havenlaan 3 box B',
			cityName: 'Antwerpen',
			postalZone: '2000',
			countryCode: 'BE',
		});
		expect(document.paymentMeans).toEqual([
			{ code: '30', paymentId: '+++002/0260/04240+++', payeeAccountId: 'BE71096123456769', payeeBankId: 'GKCCBEBB' },
		]);
		expect(document.delivery).toEqual({
			address: { streetName: 'Dok Noord 7', cityName: 'Antwerpen', postalZone: '2030', countryCode: 'BE' },
		});
	});

	it('uses the delivery address and date when the order has them', () => {
		const document = fromBillitOrder(salesOrder({ DeliveryDate: '2026-11-10T00:00:00' }), COMPANY);
		expect(document.delivery).toEqual({
			actualDeliveryDate: '2026-11-10',
			address: { streetName: 'Dok Noord 7', cityName: 'Antwerpen', postalZone: '2030', countryCode: 'BE' },
		});
	});

	it('makes the supplier the seller of a purchase invoice', () => {
		const document = fromBillitOrder(
			salesOrder({ OrderDirection: 'Cost', Customer: undefined, Supplier: DUTCH_CUSTOMER }),
			COMPANY,
		);
		expect(document.seller.registrationName).toBe('Molen de Hoop BV');
		expect(document.buyer.registrationName).toBe('Atelier Lumière BV');
		expect(document.paymentMeans).toEqual([{ code: '1', paymentId: '+++002/0260/04240+++' }]);
	});

	it('derives the net unit price from the price including VAT', () => {
		const document = fromBillitOrder(
			salesOrder({ OrderLines: [line({ UnitPriceExcl: undefined, UnitPriceIncl: 121, Quantity: 3 })] }),
			COMPANY,
		);
		expect(document.lines[0].price.amount).toBe('100.00');
		expect(document.lines[0].lineExtensionAmount).toBe('300.00');
	});

	it('records an amount already paid', () => {
		const document = fromBillitOrder(salesOrder({ ToPay: 21 }), COMPANY);
		expect(document.totals).toMatchObject({ taxInclusiveAmount: '121.00', prepaidAmount: '100.00', payableAmount: '21.00' });
	});

	it('keeps a free-text payment reference as it is', () => {
		const document = fromBillitOrder(salesOrder({ PaymentReference: 'Invoice 2026/0042' }), COMPANY);
		expect(document.paymentMeans?.[0].paymentId).toBe('Invoice 2026/0042');
	});

	it('adds the fields named by UBL-path custom fields', () => {
		const document = fromBillitOrder(
			salesOrder({
				CustomFields: {
					'Invoice.OrderReference.SalesOrderID': 'SO-77',
					'CreditNote.ContractDocumentReference.ID': 'FRAME-1',
					'Invoice.ProjectReference.ID': 'PRJ-9',
					'Invoice.BuyerReference': 'DEP-4',
					'Invoice.InvoicePeriod.StartDate': '2026-10-01',
					'Invoice.InvoicePeriod.EndDate': '2026-10-31',
					'Invoice.Note': 'Thank you',
					Colour: 'blue',
				},
			}),
			COMPANY,
		);
		expect(document).toMatchObject({
			orderReference: { salesOrderId: 'SO-77' },
			contractReference: 'FRAME-1',
			projectReference: 'PRJ-9',
			buyerReference: 'DEP-4',
			period: { startDate: '2026-10-01', endDate: '2026-10-31' },
			notes: ['Thank you'],
		});
		// A custom field named like a UBL path that is not supported changes nothing.
		expect(fromBillitOrder(salesOrder({ CustomFields: { 'Invoice.Delivery.DeliveryLocation.ID': 'x' } }), COMPANY)).toEqual(
			fromBillitOrder(salesOrder(), COMPANY),
		);
	});

	it('refuses what cannot become a valid invoice, saying why', () => {
		expect(() => fromBillitOrder(salesOrder({ OrderType: 'Offer' }), COMPANY)).toThrow(
			new UblBuildError('A Billit Offer cannot become a UBL invoice or credit note'),
		);
		expect(() => fromBillitOrder(salesOrder({ OrderLines: [line({ VATPercentage: 0 })] }), COMPANY)).toThrow(
			/A line has 0 % VAT: say why/,
		);
		expect(() =>
			fromBillitOrder(salesOrder({ OrderLines: [line({ VATPercentage: 0 })] }), COMPANY, { zeroVatTreatment: 'exempt' }),
		).toThrow('VAT-exempt lines need an exemption reason text or VATEX code');
		expect(() => fromBillitOrder(salesOrder({ Customer: undefined }), COMPANY)).toThrow('Order 2026/0042 has no Customer');
		expect(() => fromBillitOrder(salesOrder({ OrderLines: [] }), COMPANY)).toThrow('Order 2026/0042 has no lines');
		expect(() => fromBillitOrder(salesOrder({ OrderDate: undefined }), COMPANY)).toThrow(/needs an OrderNumber and an OrderDate/);
		expect(() =>
			fromBillitOrder(salesOrder({ OrderLines: [line({ UnitPriceExcl: undefined })] }), COMPANY),
		).toThrow('An order line has neither UnitPriceExcl nor UnitPriceIncl');
	});
});

describe('Peppol endpoint choice', () => {
	it('prefers the party’s own Peppol identifier', () => {
		expect(endpointOf({ ...BELGIAN_CUSTOMER, PeppolIdentifier: '9925:BE0987654394' })).toEqual({
			id: 'BE0987654394',
			schemeId: '9925',
		});
		expect(endpointOf({ PeppolIdentifier: 'iso6523-actorid-upis::0088:5410000000002' })).toEqual({
			id: '5410000000002',
			schemeId: '0088',
		});
	});

	it('uses the Belgian company number (0208) before the VAT number (9925)', () => {
		expect(endpointOf({ VATNumber: 'BE 0987.654.394' })).toEqual({ id: '0987654394', schemeId: '0208' });
		expect(endpointOf({ VATNumber: 'BE987654394' })).toEqual({ id: '0987654394', schemeId: '0208' });
	});

	it('uses a GLN (0088) and other countries’ VAT schemes', () => {
		expect(endpointOf({ Identifiers: [{ IdentifierType: 'GLN', Identifier: '5410000000002' }] })).toEqual({
			id: '5410000000002',
			schemeId: '0088',
		});
		expect(endpointOf({ VATNumber: 'fr 40 303 265 045' })).toEqual({ id: 'FR40303265045', schemeId: '9957' });
		expect(endpointOf({ VATNumber: 'CH123' })).toBeUndefined();
	});

	it('uses a preferred identifier first', () => {
		expect(
			endpointOf({
				VATNumber: 'BE0987654394',
				Identifiers: [{ IdentifierType: 'GLN', Identifier: '5410000000002', Preferred: true }],
			}),
		).toEqual({ id: '5410000000002', schemeId: '0088' });
	});
});

describe('unit codes', () => {
	it.each([
		['hour', 'HUR'],
		['Uur', 'HUR'],
		['stuks', 'C62'],
		['jours', 'DAY'],
		['kg', 'KGM'],
		['m²', 'MTK'],
		['LTR', 'LTR'],
		[undefined, 'C62'],
		['bundle of joy', 'C62'],
	])('%s → %s', (unit, code) => {
		expect(unitCodeFor(unit)).toBe(code);
	});
});
