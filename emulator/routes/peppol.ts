import { badRequest, idParam, notFound, objectBody, ok } from '../http';
import { findParticipant, normalizeParticipantId } from '../peppol-registry';
import { PEPPOL_DOCUMENT_IDENTIFIERS, registerParticipant } from '../seed';
import type { Ctx, Route } from '../router';
import type { InboxItem } from '../store';
import { cbeFromVat } from '../ubl';
import { requireFields, validate } from '../validation';

function ownCompany(ctx: Ctx) {
	const body = objectBody(ctx.req);
	// The model types CompanyID as a text (RegisterParticipantRequest); a number is tolerated.
	validate(body, { CompanyID: 'any' }, ctx.store.switches.rejectUnknownFields);
	requireFields(body, ['CompanyID'], 'Participant');
	const companyId = Number(body.CompanyID);
	if (!Number.isInteger(companyId)) throw badRequest('InvalidFieldValue', "The field 'CompanyID' must be a company's PartyID");
	if (!ctx.user.companyIds.includes(companyId)) throw notFound('Company', companyId);
	const company = ctx.store.companies.get(companyId);
	const cbe = cbeFromVat(company?.VATNumber);
	if (!company || !cbe) throw badRequest('CompanyHasNoBelgianVatNumber', 'The company needs a Belgian VAT number to register on Peppol');
	return { company, cbe };
}

/** The fields Billit documents; the link to the cost order is the emulator's own. */
function publicInboxItem(item: InboxItem): Record<string, unknown> {
	const copy: Record<string, unknown> = { ...item };
	delete copy.CostOrderID;
	return copy;
}

function removeInboxItem(ctx: Ctx): InboxItem {
	const id = idParam(ctx.req, 'inboxItemId', 'Inbox item');
	const inbox = ctx.auth.data.inbox;
	const index = inbox.findIndex((item) => item.InboxItemID === id);
	if (index < 0) throw notFound('Inbox item', id);
	return inbox.splice(index, 1)[0];
}

export const peppolRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/peppol/participantInformation/:participantId',
		auth: 'company',
		handler: ({ store, req }) => {
			const identifier = normalizeParticipantId(req.params.participantId);
			const participant = findParticipant(store, identifier);
			const registered = participant?.Registered === true;
			return ok({
				Registered: registered,
				Identifier: identifier,
				DocumentTypes: registered ? participant.DocumentTypes : [],
				ServiceDetails: registered
					? participant.DocumentTypes.map((documentType) => serviceDetail(documentType))
					: [],
				ServiceProviderID: registered ? participant.ServiceProviderID : null,
			});
		},
	},
	{
		method: 'POST',
		pattern: '/v1/peppol/participants',
		auth: 'company',
		handler: (ctx) => {
			const { cbe } = ownCompany(ctx);
			registerParticipant(ctx.store, cbe);
			return ok(true);
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/peppol/participants',
		auth: 'company',
		handler: (ctx) => {
			const { cbe } = ownCompany(ctx);
			const participant = findParticipant(ctx.store, `0208:${cbe}`);
			if (!participant) throw badRequest('NotRegistered', 'The company is not registered on Peppol');
			participant.Registered = false;
			return ok(true);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/peppol/inbox',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const receiver = req.url.searchParams.get('ReceiverCompanyID');
			const items = auth.data.inbox.filter((item) => receiver === null || String(item.ReceiverCompanyID) === receiver);
			return ok({ InboxItems: items.slice(0, store.switches.inboxVisibleItems).map(publicInboxItem) });
		},
	},
	{
		method: 'POST',
		pattern: '/v1/peppol/inbox/:inboxItemId/confirm',
		auth: 'company',
		handler: (ctx) => {
			removeInboxItem(ctx);
			return ok(true);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/peppol/inbox/:inboxItemId/refuse',
		auth: 'company',
		handler: (ctx) => {
			const body = objectBody(ctx.req);
			validate(body, { RefusalReason: 'string' }, ctx.store.switches.rejectUnknownFields);
			requireFields(body, ['RefusalReason'], 'Refusal');
			const item = removeInboxItem(ctx);
			ctx.auth.data.refusals.push({ InboxItemID: item.InboxItemID, RefusalReason: body.RefusalReason, Date: ctx.store.clock.nowIso() });
			return ok(true);
		},
	},
];

/** A ServiceDetail as the model has it: the document type's identifier, its process and AS4 endpoint. */
function serviceDetail(documentType: string) {
	return {
		DocumentIdentifier: PEPPOL_DOCUMENT_IDENTIFIERS[documentType] ?? documentType,
		DocumentIdentifierScheme: 'busdox-docid-qns',
		Processes: [{ ProcessIdentifier: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0', ProcessIdentifierScheme: 'cenbii-procid-ubl', Endpoints: [{ TransportProfile: 'peppol-transport-as4-v2_0' }] }],
	};
}
