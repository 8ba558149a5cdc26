import type { Store } from './store';

/** New orders and documents enter every accountant feed whose scope includes their company. */
export function collectFeedItems(store: Store): void {
	store.onChange((event) => {
		if (event.type !== 'I' || (event.entity !== 'Order' && event.entity !== 'Document')) return;
		const entityId = event.entity === 'Order' ? event.order.OrderID : (event.document.DocumentID as number);
		for (const data of store.data.values()) {
			for (const feed of data.feeds.values()) {
				if (!feed.scope.includes(event.companyId)) continue;
				feed.items.push({ FeedItemID: store.nextId('feedItem'), EntityID: entityId, EntityType: event.entity, PartyID: event.companyId });
			}
		}
	});
}
