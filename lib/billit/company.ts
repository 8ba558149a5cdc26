/**
 * Which Billit company a node acts for, read from the node's parameters in one way for every
 * Billit node, action or trigger, at run time and in the editor.
 */
import { isResourceLocatorValue } from 'n8n-workflow';

/** Reads one node parameter, as saved (a resource locator stays a locator). */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

export interface NodeCompany {
	/** The Company parameter: beats the credential's PartyID. */
	partyId?: string;
	/** The Context Party ID parameter: beats the credential's. */
	contextPartyId?: string;
}

export const OAUTH2_NEEDS_COMPANY =
	'Choose a Company: an OAuth2 connection has no company of its own, so the node must say which PartyID to act for';

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/** A PartyID typed on a node: empty means none; anything else must be a positive whole number. */
export function partyIdParameter(value: unknown, what: string): string | undefined {
	if (isEmpty(value)) return undefined;
	const text = String(value).trim();
	const id = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id <= 0) {
		throw new Error(`${what} must be a positive whole number; got "${String(value)}"`);
	}
	return String(id);
}

/**
 * The company and context party chosen on a node. The Company is a resource locator named
 * `company`; Invoice File Convert saved it as the plain text parameter `companyId`, read when
 * there is no `company`.
 */
export function nodeCompany(read: ParameterReader): NodeCompany {
	// Taken out of the locator here: n8n's own extraction fails on a node without a `company` property.
	const saved = read('company', '');
	const company = isResourceLocatorValue(saved) ? saved.value : saved;
	return {
		partyId: partyIdParameter(isEmpty(company) ? read('companyId', '') : company, 'Company (PartyID)'),
		contextPartyId: partyIdParameter(read('contextPartyId', ''), 'Context Party ID'),
	};
}
