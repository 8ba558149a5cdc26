import { badRequest, idParam, notFound, objectBody, ok } from '../http';
import { listPage } from '../listing';
import { partyProperties, patchablePartySchema, upsertParty, normalizeVat } from '../party-model';
import type { Ctx, Route } from '../router';
import type { Json } from '../store';
import { validate } from '../validation';

const partyList = {
	properties: partyProperties,
	searchIn: ['Name', 'DisplayName', 'CommercialName', 'VATNumber', 'Email', 'Nr', 'City'],
	defaultOrder: 'PartyID asc',
};

function findParty(ctx: Ctx): Json {
	const id = idParam(ctx.req, 'partyId', 'Party');
	const party = ctx.auth.data.parties.get(id);
	if (!party) throw notFound('Party', id);
	return party;
}

export const partyRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/parties',
		auth: 'company',
		handler: (ctx) => ok(listPage(ctx.req, [...ctx.auth.data.parties.values()], partyList, ctx.store.switches, ctx.baseUrl)),
	},
	{
		method: 'POST',
		pattern: '/v1/parties',
		auth: 'company',
		handler: (ctx) => ok(upsertParty(ctx.store, ctx.auth, objectBody(ctx.req), 'Customer').PartyID),
	},
	{
		method: 'GET',
		pattern: '/v1/parties/:partyId',
		auth: 'company',
		handler: (ctx) => ok(findParty(ctx)),
	},
	{
		method: 'PATCH',
		pattern: '/v1/parties/:partyId',
		auth: 'company',
		handler: (ctx) => {
			const party = findParty(ctx);
			const body = objectBody(ctx.req);
			for (const key of Object.keys(body)) {
				if (!(key in patchablePartySchema)) throw badRequest('FieldNotPatchable', `The field '${key}' cannot be changed with PATCH`);
			}
			validate(body, patchablePartySchema, true);
			Object.assign(party, body, { LastModified: ctx.store.stamp() });
			if (body.VATNumber !== undefined) party.VATNumber = normalizeVat(body.VATNumber);
			return ok(true);
		},
	},
];
