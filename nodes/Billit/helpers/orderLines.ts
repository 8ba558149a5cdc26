import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { compact } from '../../shared/compact';
import { accountCode, parseJsonParameter } from '../../shared/billit/helpers/parse';

const NUMERIC_FIELDS = [
	'Quantity',
	'UnitPriceExcl',
	'UnitPriceIncl',
	'VATPercentage',
	'ReductionPercentage',
	'ProductID',
];

/** Checks one order line and turns numeric text into numbers; the message names the line. */
function normaliseLine(line: unknown, index: number): IDataObject {
	const where = `Line ${index + 1}`;
	if (line === null || typeof line !== 'object' || Array.isArray(line))
		throw new Error(`${where} must be an object`);
	const result: IDataObject = { ...(line as IDataObject) };
	for (const field of NUMERIC_FIELDS) {
		const value = result[field];
		if (value === undefined || value === '' || value === null) continue;
		const number = Number(value);
		if (!Number.isFinite(number))
			throw new Error(`${where}: ${field} must be a number, got "${String(value)}"`);
		result[field] = number;
	}
	result.AccountCode = accountCode(result.AccountCode, `${where}: AccountCode`);
	// A zero ProductID or discount from the UI means "not set".
	if (result.ProductID === 0) delete result.ProductID;
	if (result.ReductionPercentage === 0) delete result.ReductionPercentage;
	if (!result.Description) throw new Error(`${where} needs a Description`);
	if (result.Quantity === undefined) throw new Error(`${where} needs a Quantity`);
	if (result.UnitPriceExcl === undefined && result.UnitPriceIncl === undefined) {
		throw new Error(`${where} needs a UnitPriceExcl or UnitPriceIncl`);
	}
	return compact(result);
}

/** The order lines of a create, from the fixed collection or from a JSON array. */
export function orderLinesFrom(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	let lines: unknown;
	if (this.getNodeParameter('linesInput', itemIndex) === 'json') {
		lines = parseJsonParameter<unknown>(
			this.getNodeParameter('linesJson', itemIndex),
			'Lines (JSON)',
		);
		if (!Array.isArray(lines)) throw new Error('Lines (JSON) must be a JSON array of order lines');
	} else {
		lines = (this.getNodeParameter('lines', itemIndex, {}) as { line?: IDataObject[] }).line ?? [];
	}
	const list = lines as unknown[];
	if (list.length === 0) throw new Error('An invoice needs at least one line');
	return list.map(normaliseLine);
}
