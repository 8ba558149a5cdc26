import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { UnknownOutcomeContext } from '../../../lib/billit/request/request-core';
import { requestForItem } from '../../shared/billit/helpers/request';

interface Lookup {
	/** What is looked for, e.g. "party". */
	what: string;
	path: string;
	/** The OData filter naming exactly what was sent, or undefined when nothing identifies it. */
	filter: string | undefined;
	/** The ID field of a listed entity, e.g. "PartyID". */
	idField: string;
	/** What the user should look for in Billit when the lookup cannot decide. */
	hint: string;
}

/**
 * Billit answered 409 for a create's idempotency key: it was applied before and its answer was
 * lost. Resolves the ID by listing with a filter that names exactly what was sent; fails clearly
 * when that finds nothing, several, or when nothing sent identifies the entity.
 */
export async function findAgainAfterLostAnswer(
	this: IExecuteFunctions,
	itemIndex: number,
	lookup: Lookup,
	context: UnknownOutcomeContext,
): Promise<number> {
	const applied = `Billit says this ${lookup.what} create was already applied (idempotency key ${context.idempotencyKey ?? 'unknown'}) and its answer was lost`;
	if (!lookup.filter) {
		throw new Error(
			`${applied}; nothing sent identifies it safely, so check in Billit for ${lookup.hint}`,
		);
	}
	const page = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: lookup.path,
		qs: { $filter: lookup.filter, $top: 2 },
	})) as { Items?: IDataObject[] } | IDataObject[] | null;
	const found = Array.isArray(page) ? page : (page?.Items ?? []);
	if (found.length !== 1) {
		const count = found.length === 0 ? 'none' : 'more than one';
		throw new Error(
			`${applied}; ${count} matches ${lookup.filter}, so check in Billit for ${lookup.hint}`,
		);
	}
	return Number(found[0][lookup.idField]);
}
