import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { editorRequest } from './editorRequest';

/** Billit's type codes (`/v1/misc/typecodes/{type}`) as options, sorted by label. */
async function typeCodes(
	this: ILoadOptionsFunctions,
	type: string,
): Promise<INodePropertyOptions[]> {
	const answer = (await editorRequest.call(this, {
		path: `/v1/misc/typecodes/${encodeURIComponent(type)}`,
	})) as { Items?: IDataObject[] } | IDataObject[];
	const items = Array.isArray(answer) ? answer : (answer.Items ?? []);
	return items
		.map((code) => ({
			name: String(code.Value ?? code.Description ?? code.Key),
			value: code.Key as string | number,
		}))
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

async function getPaymentMethods(this: ILoadOptionsFunctions) {
	return await typeCodes.call(this, 'PaymentMethod');
}

async function getUnits(this: ILoadOptionsFunctions) {
	return await typeCodes.call(this, 'Unit');
}

async function getVatRates(this: ILoadOptionsFunctions) {
	return await typeCodes.call(this, 'VATRate');
}

export const loadOptions = { getPaymentMethods, getUnits, getVatRates };
