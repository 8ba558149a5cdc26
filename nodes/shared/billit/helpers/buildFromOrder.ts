import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { Order } from '../../../../lib/billit/types';
import { buildUbl } from '../../../../lib/ubl/build';
import { fromBillitOrder, type FromBillitOptions } from '../../../../lib/ubl/from-billit';
import type { CommercialDocument } from '../../../../lib/ubl/model';
import type { ZeroVatTreatment } from '../../../../lib/ubl/billit-vat';
import type { ValidationResult } from '../../../../lib/ubl/validate';
import { parseJsonParameter } from './parse';
import { findBillitOrder, noOrderMessage, NO_ORDER_HINT } from './orderInput';
import { ownCompanyParty } from './ownCompany';
import { readUblElement } from '../../../../lib/ubl/parse';
import { chosenRelease, prevalidate } from './validation';

export interface BuiltUbl {
	xml: Buffer;
	fileName: string;
	document: CommercialDocument;
	order: Order;
	validation: ValidationResult;
}

interface BuildOptions {
	pdfBinaryPropertyName?: string;
	zeroVatTreatment?: ZeroVatTreatment;
	exemptionReason?: string;
	exemptionReasonCode?: string;
	eurExchangeRate?: number;
	vatTotalInEur?: number;
	paymentTerms?: string;
}

function readOrder(this: IExecuteFunctions, itemIndex: number): Order {
	const value = parseJsonParameter<unknown>(this.getNodeParameter('order', itemIndex), 'Invoice (Billit JSON)');
	const found = findBillitOrder(value);
	if ('order' in found) return found.order;
	throw new NodeOperationError(this.getNode(), noOrderMessage(found.keys), { itemIndex, description: NO_ORDER_HINT });
}

async function optionsFor(
	this: IExecuteFunctions,
	itemIndex: number,
	options: BuildOptions,
): Promise<FromBillitOptions> {
	const result: FromBillitOptions = {};
	if (options.zeroVatTreatment) result.zeroVatTreatment = options.zeroVatTreatment;
	if (options.exemptionReason) result.exemptionReason = options.exemptionReason;
	if (options.exemptionReasonCode) result.exemptionReasonCode = options.exemptionReasonCode;
	if (options.eurExchangeRate !== undefined) result.eurExchangeRate = options.eurExchangeRate;
	if (options.vatTotalInEur !== undefined) result.vatTotalInEur = options.vatTotalInEur;
	if (options.paymentTerms?.trim()) result.paymentTerms = options.paymentTerms;
	const pdfField = options.pdfBinaryPropertyName?.trim();
	if (pdfField) {
		const binary = this.helpers.assertBinaryData(itemIndex, pdfField);
		result.pdf = {
			content: await this.helpers.getBinaryDataBuffer(itemIndex, pdfField),
			filename: binary.fileName,
		};
	}
	return result;
}

/** A file name from the invoice number; characters that paths or shells trip over become `_`. */
function fileNameFor(document: CommercialDocument): string {
	return `${document.id.replace(/[^\w.-]+/g, '_')}.xml`;
}

/**
 * Builds a Peppol BIS Billing 3.0 document from a Billit invoice or credit note, with the chosen
 * company as seller (sales) or buyer (purchases), and pre-validates the result.
 */
export async function buildFromOrder(this: IExecuteFunctions, itemIndex: number): Promise<BuiltUbl> {
	const order = readOrder.call(this, itemIndex);
	const options = this.getNodeParameter('buildOptions', itemIndex, {}) as BuildOptions;
	const company = await ownCompanyParty.call(this, itemIndex);
	const document = fromBillitOrder(order, company, await optionsFor.call(this, itemIndex, options));
	const xml = buildUbl(document);
	const validation = prevalidate(readUblElement(xml), chosenRelease.call(this, itemIndex));
	return { xml, fileName: fileNameFor(document), document, order, validation };
}

/** `ublSource`-style metadata of a built document, as the Billit node reports its UBL files. */
export function builtMetadata(built: BuiltUbl): IDataObject {
	return {
		ublSource: 'built',
		OrderID: built.order.OrderID,
		OrderNumber: built.order.OrderNumber,
		documentType: built.document.kind,
		documentId: built.document.id,
		fileName: built.fileName,
		validation: built.validation as unknown as IDataObject,
	};
}
