import { createHash } from 'node:crypto';

/**
 * Public answers about postings (the list, the job types), kept in memory as the JSON
 * text and its ETag. Postings change a few times a day and are read all day: without
 * this, every request ran four SQL queries (see tests/bench/PROFILE.md).
 * A change through this server clears the cache at once; with several servers on one
 * PostgreSQL, another server's change shows within LIST_CACHE_SECONDS.
 */
export interface PreparedJson {
	text: string;
	etag: string;
}

const MAX_ENTRIES = 500;
const entries = new Map<string, { at: number; value: PreparedJson }>();

function ttlMs(): number {
	return Number(process.env.LIST_CACHE_SECONDS ?? 30) * 1000;
}

export function prepareJson(body: unknown): PreparedJson {
	const text = JSON.stringify(body);
	return { text, etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
}

/** The answer for `key`, from memory while fresh, else computed and kept. */
export async function cachedAnswer(key: string, compute: () => Promise<unknown>, now = Date.now()): Promise<PreparedJson> {
	const hit = entries.get(key);
	if (hit && now - hit.at < ttlMs()) return hit.value;
	const value = prepareJson(await compute());
	// Oldest first out: a Map keeps insertion order.
	if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	entries.set(key, { at: now, value });
	return value;
}

/** Staff changed a posting: the next request reads the database again. */
export function postingsChanged(): void {
	entries.clear();
}
