import { createHash } from 'node:crypto';

import { ApiError, badRequest, idParam, isRecord, jsonBody, notFound, objectBody, ok } from '../http';
import { safeName } from '../delivery';
import type { Ctx, Route } from '../router';
import type { Feed, FeedItem } from '../store';
import { orderToUbl } from '../ubl';
import { requireFields, validate } from '../validation';

const THROTTLE_MS = 60_000;

/** Feeds belong to the company named by PartyID (the accountant's office), not to ContextPartyID. */
const feedsOf = (ctx: Ctx) => ctx.store.companyData(ctx.auth.partyId).feeds;

function findFeed(ctx: Ctx): Feed {
	const feed = feedsOf(ctx).get(ctx.req.params.feedName);
	if (!feed) throw notFound('Feed', ctx.req.params.feedName);
	return feed;
}

function findItem(ctx: Ctx, feed: Feed): FeedItem {
	const id = idParam(ctx.req, 'feedItemId', 'Feed item');
	const item = feed.items.find((candidate) => candidate.FeedItemID === id);
	if (!item) throw notFound('Feed item', id);
	return item;
}

function itemFile(ctx: Ctx, item: FeedItem): { name: string; content: Buffer } {
	if (item.PartyID !== ctx.auth.companyId) {
		throw badRequest('WrongContextPartyID', `Send the item's PartyID ${item.PartyID} as ContextPartyID`);
	}
	const data = ctx.auth.data;
	if (item.EntityType === 'Order') {
		const order = data.orders.get(item.EntityID);
		if (!order) throw notFound('Order', item.EntityID);
		const ubl = order.Attachments.find((file) => file.MimeType === 'application/xml');
		const stored = ubl ? ctx.store.files.get(ubl.FileID) : undefined;
		return {
			name: stored?.FileName ?? `${safeName(order.OrderNumber)}.xml`,
			content: stored?.content ?? orderToUbl(order, ctx.auth.company),
		};
	}
	const document = data.documents.get(item.EntityID);
	const file = document ? ctx.store.files.get(document.FileID as string) : undefined;
	if (!file) throw notFound('Document', item.EntityID);
	return { name: file.FileName, content: file.content };
}

export const accountantRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/accountant/feeds',
		auth: 'company',
		handler: (ctx) =>
			ok([...feedsOf(ctx).values()].map((feed) => ({ Name: feed.Name }))),
	},
	{
		method: 'POST',
		pattern: '/v1/accountant/feeds',
		auth: 'company',
		handler: (ctx) => {
			const body = objectBody(ctx.req);
			validate(body, { Name: 'string' }, ctx.store.switches.rejectUnknownFields);
			requireFields(body, ['Name'], 'Feed');
			const name = body.Name as string;
			if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) throw badRequest('InvalidFeedName', 'A feed name uses letters, digits, _ . - only');
			const feeds = feedsOf(ctx);
			if (feeds.has(name)) throw badRequest('FeedAlreadyExists', `A feed named '${name}' already exists`);
			const feed: Feed = { Name: name, Created: ctx.store.clock.nowIso(), scope: [...ctx.user.companyIds], items: [], confirmed: new Map() };
			feeds.set(name, feed);
			return ok({ Name: feed.Name, Created: feed.Created });
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/accountant/feeds/:feedName',
		auth: 'company',
		handler: (ctx) => ok(feedsOf(ctx).delete(findFeed(ctx).Name)),
	},
	{
		method: 'GET',
		pattern: '/v1/accountant/feeds/:feedName',
		auth: 'company',
		handler: (ctx) => {
			const feed = findFeed(ctx);
			const now = ctx.store.clock.now();
			if (ctx.store.switches.feedListThrottle && feed.lastListedAt !== undefined && now - feed.lastListedAt < THROTTLE_MS) {
				const wait = Math.ceil((feed.lastListedAt + THROTTLE_MS - now) / 1000);
				throw new ApiError(429, 'TooManyRequests', 'Feed items may be queried at most once a minute', { 'Retry-After': String(wait) });
			}
			feed.lastListedAt = now;
			return ok(feed.items);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/accountant/feeds/:feedName/:feedItemId',
		auth: 'company',
		handler: (ctx) => {
			const { name, content } = itemFile(ctx, findItem(ctx, findFeed(ctx)));
			return ok({
				FileName: name,
				FileContent: content.toString('base64'),
				FileContentSHA256Hash: createHash('sha256').update(content).digest('hex'),
			});
		},
	},
	{
		method: 'POST',
		pattern: '/v1/accountant/feeds/:feedName/:feedItemId/confirm',
		auth: 'company',
		handler: (ctx) => {
			const feed = findFeed(ctx);
			const id = idParam(ctx.req, 'feedItemId', 'Feed item');
			const body = jsonBody(ctx.req) ?? {};
			if (!isRecord(body)) throw badRequest('InvalidRequest', 'The body must be a JSON object');
			validate(body, { RemoteServerName: 'string', RemotePath: 'string' }, ctx.store.switches.rejectUnknownFields);
			// Confirming twice is harmless: exactly-once exports retry confirms.
			if (feed.confirmed.has(id)) return ok(true);
			const item = findItem(ctx, feed);
			feed.items = feed.items.filter((candidate) => candidate !== item);
			feed.confirmed.set(id, {
				...(body.RemoteServerName ? { RemoteServerName: body.RemoteServerName as string } : {}),
				...(body.RemotePath ? { RemotePath: body.RemotePath as string } : {}),
				ConfirmedAt: ctx.store.clock.nowIso(),
			});
			return ok(true);
		},
	},
];
