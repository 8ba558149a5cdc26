/**
 * Billit's "one listing a minute" per accountant feed, held in n8n's queue-mode Redis so that every
 * n8n process (main and workers) sees the same last listing: one atomic `SET NX PX` per listing.
 */
import { QueueRedisClient } from '../queue-redis/queue-redis-client';
import type { QueueRedisSettings } from '../queue-redis/queue-redis-settings';

export interface SharedFeedListings {
	/** `host:port`, for log lines: never the credentials. */
	readonly address: string;
	/** Claims a listing of the company's feed: undefined when granted, else how long the earlier one still holds, in ms. */
	claim(companyKey: string, feedName: string, intervalMs: number): Promise<number | undefined>;
	close(): Promise<void>;
}

// KEYS[1]: the feed's listing key. ARGV: claimed-at (for whoever inspects the key), interval ms.
// Returns -1 when this caller got the listing, else the earlier claim's remaining time in ms.
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
	left = tonumber(ARGV[2])
end
return left
`;

interface ClaimCommand {
	billitFeedListingClaim(key: string, claimedAt: number, intervalMs: number): Promise<number>;
}

export class RedisFeedListings implements SharedFeedListings {
	private readonly connection: QueueRedisClient<ClaimCommand>;

	constructor(private readonly settings: QueueRedisSettings) {
		this.connection = new QueueRedisClient(settings, 'n8n-nodes-billit-feed-listings');
		this.connection.redis.defineCommand('billitFeedListingClaim', { numberOfKeys: 1, lua: CLAIM });
	}

	get address(): string {
		return this.connection.address;
	}

	/** One feed of one company, under n8n's queue prefix, like the pacing keys (braces: one hash slot). */
	private keyFor(companyKey: string, feedName: string): string {
		return `${this.settings.prefix}:n8n-nodes-billit:feed-listing:{${companyKey}}:${feedName}`;
	}

	async claim(companyKey: string, feedName: string, intervalMs: number): Promise<number | undefined> {
		const client = await this.connection.ready();
		const left = Number(await client.billitFeedListingClaim(this.keyFor(companyKey, feedName), Date.now(), intervalMs));
		return left < 0 ? undefined : left;
	}

	async close(): Promise<void> {
		await this.connection.close();
	}
}
