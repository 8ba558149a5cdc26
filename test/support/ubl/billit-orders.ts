import type { Order, OrderLine, Party } from '../../../lib/billit/types';
import { generateStructuredCommunication } from '../../../lib/billit/structured-communication';

/** The own company as Billit's account information describes it. */
export const COMPANY: Party = {
	PartyID: 1001,
	Name: 'Atelier Lumière BV',
	CommercialName: 'Atelier Lumière',
	VATNumber: 'BE 0123.456.749',
	Street: 'Kerkstraat',
	StreetNumber: '12',
	Zipcode: '9000',
	City: 'Gent',
	CountryCode: 'BE',
	Email: 'billing@atelier.example',
	IBAN: 'BE71 0961 2345 6769',
	BIC: 'GKCCBEBB',
};

export const BELGIAN_CUSTOMER: Party = {
	PartyID: 2001,
	PartyType: 'Customer',
	Name: 'Brouwerij Noord NV',
	VATNumber: 'BE0987654394',
	Addresses: [
		{ AddressType: 'InvoiceAddress', Street: 'Havenlaan', StreetNumber: '3', Box: 'B', Zipcode: '2000', City: 'Antwerpen', CountryCode: 'BE' },
		{ AddressType: 'DeliveryAddress', Street: 'Dok Noord', StreetNumber: '7', Zipcode: '2030', City: 'Antwerpen', CountryCode: 'BE' },
	],
	Email: 'ap@noord.example',
};

export const DUTCH_CUSTOMER: Party = {
	PartyID: 2002,
	Name: 'Molen de Hoop BV',
	VATNumber: 'NL123456789B01',
	Street: 'Dorpsstraat',
	StreetNumber: '1',
	Zipcode: '1234 AB',
	City: 'Utrecht',
	CountryCode: 'NL',
};

export const AMERICAN_CUSTOMER: Party = {
	PartyID: 2003,
	Name: 'Lantern Works Inc.',
	Street: '5th Avenue',
	StreetNumber: '100',
	Zipcode: '10001',
	City: 'New York',
	CountryCode: 'US',
	PeppolIdentifier: '0060:123456789',
};

export const GLN_CUSTOMER: Party = {
	PartyID: 2004,
	Name: 'Retail Group NV',
	VATNumber: 'BE0411905847',
	Identifiers: [{ IdentifierType: 'GLN', Identifier: '5410000000002', Preferred: true }],
	Street: 'Marktplein',
	StreetNumber: '1',
	Zipcode: '1000',
	City: 'Brussel',
	CountryCode: 'BE',
};

export function line(overrides: Partial<OrderLine> = {}): OrderLine {
	return { Quantity: 2, UnitPriceExcl: 50, Description: 'Design workshop', VATPercentage: 21, Unit: 'hour', ...overrides };
}

export function salesOrder(overrides: Partial<Order> = {}): Order {
	return {
		OrderID: 7001,
		OrderType: 'Invoice',
		OrderDirection: 'Income',
		OrderNumber: '2026/0042',
		OrderDate: '2026-11-15T00:00:00',
		ExpiryDate: '2026-12-15T00:00:00',
		Currency: 'EUR',
		Customer: BELGIAN_CUSTOMER,
		OrderLines: [line()],
		PaymentReference: generateStructuredCommunication('2026/0042'),
		...overrides,
	};
}
