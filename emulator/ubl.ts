import { buildUbl } from '../lib/ubl/build';
import { decimalFromNumber, divideDecimals, formatAmount, isZeroDecimal } from '../lib/ubl/decimal';
import { PEPPOL_BILLING_CUSTOMIZATION_ID, PEPPOL_BILLING_PROFILE_ID } from '../lib/ubl/namespaces';
import type { ApplicationResponseDocument, CommercialDocument, Party } from '../lib/ubl/model';
import type { Json, Order } from './store';

/** Peppol BIS Billing 3.0 UBL for an order, built with lib/ubl from the order's computed totals. */
export function orderToUbl(order: Order, company: Json): Buffer {
	return buildUbl(orderToDocument(order, company));
}

export function orderToDocument(order: Order, company: Json): CommercialDocument {
	const counterParty = (order.CounterParty ?? {}) as Json;
	const [seller, buyer] = order.OrderDirection === 'Income' ? [company, counterParty] : [counterParty, company];
	const isCreditNote = order.OrderType === 'CreditNote';
	const currency = String(order.Currency ?? 'EUR');
	const groups = (order.VatGroups ?? []) as Json[];
	const document: CommercialDocument = {
		kind: isCreditNote ? 'CreditNote' : 'Invoice',
		customizationId: PEPPOL_BILLING_CUSTOMIZATION_ID,
		profileId: PEPPOL_BILLING_PROFILE_ID,
		id: String(order.OrderNumber),
		issueDate: String(order.OrderDate).slice(0, 10),
		typeCode: isCreditNote ? '381' : '380',
		currency,
		buyerReference: String(order.Reference ?? order.OrderNumber),
		seller: toUblParty(seller),
		buyer: toUblParty(buyer),
		taxTotal: {
			taxAmount: formatAmount(order.TotalVAT as number),
			subtotals: groups.map((group) => ({
				taxableAmount: formatAmount(group.TotalExcl as number),
				taxAmount: formatAmount(group.TotalVAT as number),
				category: taxCategory(group.VATPercentage as number),
			})),
		},
		totals: {
			lineExtensionAmount: formatAmount(order.TotalExcl as number),
			taxExclusiveAmount: formatAmount(order.TotalExcl as number),
			taxInclusiveAmount: formatAmount(order.TotalIncl as number),
			payableAmount: formatAmount(order.TotalIncl as number),
		},
		lines: order.OrderLines.map((line, index) => {
			return {
				id: String(index + 1),
				quantity: decimalFromNumber(line.Quantity as number),
				unitCode: String(line.Unit ?? 'C62'),
				lineExtensionAmount: formatAmount(line.TotalExcl as number),
				item: {
					name: String(line.Description ?? 'Item'),
					...(line.DescriptionExtended ? { description: String(line.DescriptionExtended) } : {}),
					taxCategory: taxCategory(line.VATPercentage as number),
				},
				// The net price after the line reduction: quantity × price rounds to the line amount.
				price: { amount: decimalFromNumber(netUnitPrice(line)) },
			};
		}),
	};
	if (!isCreditNote && order.ExpiryDate) document.dueDate = String(order.ExpiryDate).slice(0, 10);
	if (isCreditNote && order.AboutInvoiceNumber) document.billingReferences = [{ id: String(order.AboutInvoiceNumber) }];
	const iban = seller.IBAN;
	if (typeof iban === 'string' && iban !== '') {
		document.paymentMeans = [{
			code: '30',
			payeeAccountId: iban.replace(/\s/g, ''),
			...(order.PaymentReference ? { paymentId: String(order.PaymentReference) } : {}),
		}];
	}
	return document;
}

function netUnitPrice(line: Json): number {
	const reduction = ((line.ReductionPercentage as number | undefined) ?? 0) / 100;
	return Math.round((line.UnitPriceExcl as number) * (1 - reduction) * 1e6) / 1e6;
}

const taxCategory = (percent: number) => ({
	id: percent > 0 ? 'S' : 'Z',
	percent: decimalFromNumber(percent),
	taxSchemeId: 'VAT',
});

/** Belgian enterprise number from a BE VAT number (`BE0123456749` → `0123456749`). */
export const cbeFromVat = (vat: unknown) =>
	typeof vat === 'string' && /^BE[01]\d{9}$/i.test(vat) ? vat.slice(2) : undefined;

/** The Peppol endpoint: explicit `scheme:id`, else the CBE number (0208), else the e-mail (EM). */
export function endpointOf(party: Json): { schemeId: string; id: string } | undefined {
	const explicit = typeof party.PeppolIdentifier === 'string' ? /^(\d{4}):(.+)$/.exec(party.PeppolIdentifier) : null;
	if (explicit) return { schemeId: explicit[1], id: explicit[2] };
	const cbe = cbeFromVat(party.VATNumber);
	if (cbe) return { schemeId: '0208', id: cbe };
	if (typeof party.Email === 'string' && party.Email !== '') return { schemeId: 'EM', id: party.Email };
	return undefined;
}

function toUblParty(party: Json): Party {
	const name = String(party.Name ?? party.DisplayName ?? 'Unknown');
	const endpoint = endpointOf(party);
	const cbe = cbeFromVat(party.VATNumber);
	const street = [party.Street, party.StreetNumber].filter(Boolean).join(' ');
	return {
		...(endpoint ? { endpoint } : {}),
		name,
		address: {
			...(street ? { streetName: street } : {}),
			...(party.City ? { cityName: String(party.City) } : {}),
			...(party.Zipcode ? { postalZone: String(party.Zipcode) } : {}),
			countryCode: String(party.CountryCode ?? 'BE'),
		},
		...(party.VATNumber ? { vatId: String(party.VATNumber) } : {}),
		registrationName: name,
		...(cbe ? { companyId: { id: cbe, schemeId: '0208' } } : {}),
		...(party.Email ? { contact: { email: String(party.Email) } } : {}),
	};
}

/** An order create body (cost side) from a received invoice or credit note. */
/** A UBL party as a Billit party: legal name, VAT number, Peppol endpoint, e-mail and address. */
function partyFromUbl(party: Party, fallbackName: string): Json {
	const billitParty: Json = { Name: party.registrationName ?? party.name ?? fallbackName };
	if (party.vatId) billitParty.VATNumber = party.vatId;
	if (party.endpoint) billitParty.PeppolIdentifier = `${party.endpoint.schemeId ?? '0208'}:${party.endpoint.id}`;
	if (party.contact?.email) billitParty.Email = party.contact.email;
	if (party.address?.streetName) billitParty.Street = party.address.streetName;
	if (party.address?.cityName) billitParty.City = party.address.cityName;
	if (party.address?.postalZone) billitParty.Zipcode = party.address.postalZone;
	if (party.address?.countryCode) billitParty.CountryCode = party.address.countryCode;
	return billitParty;
}

/**
 * An order body for a parsed UBL document: a received one (`Cost`, the seller is the supplier) or
 * an own one sent with sendOrder (`Income`, the buyer is the customer).
 */
export function documentToOrder(document: CommercialDocument, direction: 'Income' | 'Cost'): Json {
	const body: Json = {
		OrderType: document.kind === 'CreditNote' ? 'CreditNote' : 'Invoice',
		OrderDirection: direction,
		OrderNumber: document.id,
		OrderDate: document.issueDate,
		Currency: document.currency,
		OrderLines: document.lines.map((line) => ({
			Quantity: Number(line.quantity),
			// Keeps quantity × price equal to the document's line amount (price base quantities, line charges).
			UnitPriceExcl: isZeroDecimal(line.quantity)
				? 0
				: Number(divideDecimals(line.lineExtensionAmount, line.quantity, 6)),
			VATPercentage: Number(line.item.taxCategory.percent ?? 0),
			Description: line.item.name,
			Unit: line.unitCode,
		})),
	};
	if (direction === 'Cost') body.Supplier = partyFromUbl(document.seller, 'Unknown supplier');
	else body.Customer = partyFromUbl(document.buyer, 'Unknown customer');
	if (document.dueDate) body.ExpiryDate = document.dueDate;
	const reference = document.buyerReference ?? document.orderReference?.id;
	if (reference) body.Reference = reference;
	return body;
}

/** A Peppol Invoice Response (IMR) or Message Level Response (MLR) about a document. */
export function applicationResponse(
	kind: 'imr' | 'mlr',
	id: string,
	issueDate: string,
	sender: Json,
	receiver: Json,
	referencedDocumentId: string,
	responseCode: string,
): Buffer {
	const document: ApplicationResponseDocument = {
		kind: 'ApplicationResponse',
		responseType: kind === 'imr' ? 'InvoiceResponse' : 'MessageLevelResponse',
		customizationId: kind === 'imr' ? 'urn:fdc:peppol.eu:poacc:trns:invoice_response:3' : 'urn:fdc:peppol.eu:poacc:trns:mlr:3',
		profileId: kind === 'imr' ? 'urn:fdc:peppol.eu:poacc:bis:invoice_response:3' : 'urn:fdc:peppol.eu:poacc:bis:mlr:3',
		id,
		issueDate,
		sender: toUblParty(sender),
		receiver: toUblParty(receiver),
		documentResponse: { response: { code: responseCode } },
		documentReference: { id: referencedDocumentId, ...(kind === 'imr' ? { typeCode: '380' } : {}) },
	};
	return buildUbl(document);
}
