import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type {
	AdditionalDocument,
	ApplicationResponseDocument,
	CommercialDocument,
	ResponseStatus,
} from '../../../lib/ubl/model';
import type { UblPayload } from '../../../lib/ubl/parse';

export interface ParsedOutput {
	json: IDataObject;
	binary: IBinaryKeyData;
}

/** Plain summary of an IMR/MLR: the decoded status and every reason given. */
function responseSummary(document: ApplicationResponseDocument): IDataObject {
	const response = document.documentResponse.response;
	const reasons = (statuses: ResponseStatus[] | undefined) =>
		(statuses ?? []).map((status) => ({
			code: status.reasonCode?.code,
			meaning: status.reasonCode?.meaning,
			text: status.reason,
		}));
	return {
		documentType: 'ApplicationResponse',
		responseType: document.responseType,
		status: response.code,
		statusMeaning: response.meaning,
		referencedDocument: document.documentReference.id,
		reasons: [
			...reasons(document.documentResponse.statuses),
			...(document.lineResponses ?? []).flatMap((line) =>
				reasons(line.statuses).map((reason) => ({ ...reason, location: line.lineId })),
			),
		],
		document: document as unknown as IDataObject,
	};
}

/** An attachment's base64 content moved into an n8n binary field; the JSON keeps a pointer to it. */
async function attachmentToBinary(
	this: IExecuteFunctions,
	reference: AdditionalDocument,
	field: string,
	binary: IBinaryKeyData,
): Promise<IDataObject> {
	const attachment = reference.attachment!;
	const content = Buffer.from(attachment.base64, 'base64');
	binary[field] = await this.helpers.prepareBinaryData(
		content,
		attachment.filename,
		attachment.mimeCode,
	);
	return {
		...reference,
		attachment: {
			mimeCode: attachment.mimeCode,
			filename: attachment.filename,
			size: content.length,
			binaryField: field,
		},
	};
}

/** Model properties that hold decimal text (amounts, quantities, rates, factors). */
const DECIMAL_PROPERTIES = new Set([
	'percent',
	'multiplierFactor',
	'amount',
	'baseAmount',
	'taxableAmount',
	'taxAmount',
	'taxTotalInTaxCurrency',
	'lineExtensionAmount',
	'taxExclusiveAmount',
	'taxInclusiveAmount',
	'allowanceTotalAmount',
	'chargeTotalAmount',
	'prepaidAmount',
	'payableRoundingAmount',
	'payableAmount',
	'quantity',
	'baseQuantity',
]);

/**
 * The node outputs amounts as JSON numbers, as it always has, so expressions can compute with
 * them; the library model keeps the exact decimal text of the document.
 */
function withNumbers(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withNumbers);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, entry]) => [
			key,
			DECIMAL_PROPERTIES.has(key) && typeof entry === 'string' ? Number(entry) : withNumbers(entry),
		]),
	);
}

async function commercialSummary(
	this: IExecuteFunctions,
	document: CommercialDocument,
	attachmentPrefix: string,
	binary: IBinaryKeyData,
): Promise<IDataObject> {
	let next = 0;
	const additionalDocuments: IDataObject[] = [];
	for (const reference of document.additionalDocuments ?? []) {
		additionalDocuments.push(
			reference.attachment
				? await attachmentToBinary.call(this, reference, `${attachmentPrefix}${next++}`, binary)
				: (reference as unknown as IDataObject),
		);
	}
	// How the document was written (for exact round trips in the library) is not data for the workflow.
	const model: Partial<CommercialDocument> = { ...document };
	delete model.written;
	return {
		documentType: document.kind,
		...(withNumbers(model) as IDataObject),
		...(document.additionalDocuments ? { additionalDocuments } : {}),
	};
}

/**
 * JSON of a parsed UBL document: invoices and credit notes as the model (header, parties, lines,
 * VAT breakdown, totals, payment) with embedded files as binary fields; responses with their status.
 */
export async function parsedOutput(
	this: IExecuteFunctions,
	payload: UblPayload,
	attachmentPrefix: string,
): Promise<ParsedOutput> {
	const binary: IBinaryKeyData = {};
	const json =
		payload.document.kind === 'ApplicationResponse'
			? responseSummary(payload.document)
			: await commercialSummary.call(this, payload.document, attachmentPrefix, binary);
	return { json, binary };
}
