import { badRequest } from './http';
import type { Json, Participant, Store } from './store';
import { cbeFromVat, endpointOf } from './ubl';

/**
 * Normalises what Billit accepts as a participant id: `scheme:id`, a VAT number with country
 * (`BE0437299999` → `9925:be0437299999`), a CBE number (`0208:`), or a 13-digit GLN (`0088:`).
 */
export function normalizeParticipantId(raw: string): string {
	const text = raw.trim().replace(/^iso6523-actorid-upis::/i, '');
	const scheme = /^(\d{4}):(.+)$/.exec(text);
	if (scheme) return `${scheme[1]}:${scheme[2].replace(/[\s.]/g, '').toLowerCase()}`;
	const compact = text.replace(/[\s.-]/g, '');
	if (/^BE[01]\d{9}$/i.test(compact)) return `9925:${compact.toLowerCase()}`;
	if (/^\d{10}$/.test(compact)) return `0208:${compact}`;
	if (/^\d{9}$/.test(compact)) return `0208:0${compact}`;
	if (/^\d{13}$/.test(compact)) return `0088:${compact}`;
	if (/^[A-Z]{2}[0-9A-Z]{2,13}$/i.test(compact)) return `vat:${compact.toLowerCase()}`;
	throw badRequest('InvalidParticipantIdentifier', `'${raw}' is not a VAT number, company number, GLN or scheme:id`);
}

export function findParticipant(store: Store, normalizedId: string): Participant | undefined {
	return store.participants.find((participant) => participant.identifiers.includes(normalizedId));
}

/** Whether a party can receive BIS invoices on Peppol, by its endpoint or its Belgian VAT number. */
export function partyOnPeppol(store: Store, party: Json): boolean {
	const candidates: string[] = [];
	const endpoint = endpointOf(party);
	if (endpoint && endpoint.schemeId !== 'EM') candidates.push(`${endpoint.schemeId}:${endpoint.id.toLowerCase()}`);
	const cbe = cbeFromVat(party.VATNumber);
	if (cbe) candidates.push(`9925:be${cbe}`, `0208:${cbe}`);
	return candidates.some((id) => participantReceives(store, id));
}

/** Whether a normalised participant id (`scheme:id`) is registered and receives some document type. */
export function participantReceives(store: Store, normalizedId: string): boolean {
	const participant = findParticipant(store, normalizedId);
	return participant !== undefined && participant.Registered && participant.DocumentTypes.length > 0;
}

export function participantIdOf(party: Json): string | undefined {
	const endpoint = endpointOf(party);
	return endpoint && endpoint.schemeId !== 'EM' ? `${endpoint.schemeId}:${endpoint.id}` : undefined;
}
