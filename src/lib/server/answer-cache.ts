import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

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
	/**
	 * The text compressed once, for an answer kept in memory: compressing it again for every
	 * request was most of the server's work on the job list (tests/bench/PROFILE.md).
	 */
	encoded?: { br: Buffer; gzip: Buffer };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Below this the answer goes as it is (as the server's compression does). */
const COMPRESS_FROM_BYTES = 1024;

/** Compressed in zlib's threads, off the main thread; brotli at the server's quality. */
async function encode(text: string): Promise<PreparedJson['encoded']> {
	if (text.length < COMPRESS_FROM_BYTES) return undefined;
	const [br, gz] = await Promise.all([brotli(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }), gzip(text)]);
	return { br, gzip: gz };
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
	value.encoded = await encode(value.text);
	// Oldest first out: a Map keeps insertion order.
	if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	entries.set(key, { at: now, value });
	return value;
}

/** Staff changed a posting: the next request reads the database again. */
export function postingsChanged(): void {
	entries.clear();
}
