/// <reference lib="webworker" />
import { localDatabase, type KlapjobDatabase } from '$lib/outbox/db';
import { LANGUAGE_COOKIE } from '$lib/i18n/cookie';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '$lib/i18n/languages';
import type { Job, JobType } from '$lib/jobs/types';
import type { PostingChanges } from '$lib/jobs/changes';
import { municipalityByCode, type Region } from '$lib/jobs/municipalities';
import { WHOLE_COUNTRY_PARAM, WHOLE_COUNTRY_VALUE, pageJobFilters } from '$lib/jobs/filters';
import { REFRESH_POSTINGS } from '$lib/jobs/refresh-message';

/**
 * The device's copy of the postings (IndexedDB, read by src/lib/jobs/local-jobs.ts), so
 * that the list, every posting and the form open without a connection. The service
 * worker makes it, on its own thread: storing 270 postings froze a cheap phone's page
 * for over a second when the page did it.
 *
 * What it holds, never silently less: every live posting of the person's region (from the
 * job list's region or municipality filter, else the municipality of an application being
 * written or waiting), or of the whole country when no region is known; every posting the
 * person opened; the job types. The first copy comes in pages from /api/jobs/changes; after
 * that only what changed since (an unchanged refresh is under 100 bytes).
 */

/** Once in a while is enough; an unchanged refresh is tiny. */
export const REFRESH_AFTER_MS = 10 * 60_000;
/** A region's first copy is about 130 KB compressed at 10,000 postings: minutes on a poor line. */
const DOWNLOAD_LIMIT_MS = 5 * 60_000;
/** A copy that must start over (new region, or too far behind) pages at most this far. */
const MAX_PAGES = 100;
/** The postings opened lately, kept beside the region's. */
const OPENED_KEPT = 50;

interface CopyOptions {
	db?: KlapjobDatabase;
	fetch?: typeof fetch;
	now?: () => number;
}

/** The region the copy should hold: the list's choice, else an application's municipality; null for all. */
export async function copyRegion(db: KlapjobDatabase = localDatabase()): Promise<Region | null> {
	const chosen = await db.copyChoice.get('region');
	if (chosen) return chosen.region;
	const waiting = await db.outbox.orderBy('id').first();
	const draft = waiting ? undefined : (await db.drafts.toArray()).find((d) => d.answers.municipality);
	const code = waiting?.application.municipality ?? draft?.answers.municipality;
	return (code && municipalityByCode.get(code)?.region) || null;
}

/** True when the copy in this language is missing, older than REFRESH_AFTER_MS, or of another region. */
export async function copyIsOld(lang: Language, { db = localDatabase(), now = Date.now }: CopyOptions = {}): Promise<boolean> {
	const saved = await db.jobTypes.get(lang);
	if (!saved || saved.cursor === undefined || (saved.region ?? null) !== (await copyRegion(db))) return true;
	return now() - saved.savedAt >= REFRESH_AFTER_MS;
}

async function getJson<T>(fetchImpl: typeof fetch, url: string, signal: AbortSignal): Promise<T | undefined> {
	const response = await fetchImpl(url, { signal });
	return response.ok ? ((await response.json()) as T) : undefined;
}

/**
 * Brings the copy in one language up to date and stores it in one transaction: the copy
 * is whole, old or new, never half-written. Returns how many postings the copy holds;
 * 0 when it was fresh or the network failed.
 */
export async function refreshPostings(lang: Language, options: CopyOptions = {}): Promise<number> {
	const { db = localDatabase(), fetch: fetchImpl = fetch, now = Date.now } = options;
	if (!(await copyIsOld(lang, { db, now }))) return 0;
	// A line that hangs must not hold the refresh (and the next ones, see refreshOnce) forever.
	const signal = AbortSignal.timeout(DOWNLOAD_LIMIT_MS);
	const region = await copyRegion(db);
	const saved = await db.jobTypes.get(lang);
	const scope = `lang=${lang}${region ? `&region=${encodeURIComponent(region)}` : ''}`;
	const fresh = saved?.cursor === undefined || (saved.region ?? null) !== region;

	const pages: PostingChanges[] = [];
	let cursor = saved?.cursor;
	let position = fresh ? '' : `since=${encodeURIComponent(cursor!)}&`;
	for (let page = 0; page < MAX_PAGES; page++) {
		const answer = await getJson<PostingChanges>(fetchImpl, `/api/jobs/changes?${position}${scope}`, signal);
		if (!answer) return 0;
		pages.push(answer);
		// A first copy keeps its first page's cursor; a refresh the last one.
		cursor = fresh && page > 0 ? cursor : answer.cursor;
		if (!answer.next) break;
		if (page === MAX_PAGES - 1) {
			// Too far behind to catch up by changes: the next refresh makes a new copy.
			if (saved) await db.jobTypes.update(lang, { cursor: undefined });
			return 0;
		}
		position = `${fresh ? 'after' : 'since'}=${encodeURIComponent(answer.next)}&`;
	}
	const types = await getJson<{ jobTypes: JobType[] }>(fetchImpl, `/api/job-types?lang=${lang}`, signal);
	if (!types) return 0;

	const changed = pages.flatMap((page) => page.changed);
	const removed = pages.flatMap((page) => page.removed);
	const elsewhere = pages.flatMap((page) => page.elsewhere);
	const opened = new Set((await db.openedPostings.orderBy('openedAt').reverse().limit(OPENED_KEPT).toArray()).map((o) => o.id));
	// Opened postings outside the region: fetched one by one, as there are few.
	const have = new Set(fresh ? changed.map((job) => job.id) : [...((await db.postings.where('lang').equals(lang).primaryKeys()) as unknown as [string, string][]).map(([, id]) => id), ...changed.map((job) => job.id)]);
	const extra: Job[] = [];
	for (const id of opened) {
		if (have.has(id) && !elsewhere.includes(id)) continue;
		if (removed.includes(id)) continue;
		const response = await fetchImpl(`/api/jobs/${encodeURIComponent(id)}?lang=${lang}`, { signal });
		if (response.ok) extra.push((await response.json()) as Job);
		else if (response.status === 404) await db.openedPostings.delete(id);
	}

	await db.transaction('rw', db.postings, db.jobTypes, async () => {
		if (fresh) await db.postings.where('lang').equals(lang).delete();
		const gone = [...removed, ...elsewhere.filter((id) => !opened.has(id))];
		await db.postings.bulkDelete(gone.map((id) => [lang, id] as unknown as string));
		await db.postings.bulkPut([...changed, ...extra].map((job) => ({ ...job, lang })));
		await db.jobTypes.put({ lang, jobTypes: types.jobTypes, savedAt: now(), cursor, region });
	});
	return db.postings.where('lang').equals(lang).count();
}

/** The job list's region or municipality filter is the person's choice of where to look. */
export async function rememberChoice(url: URL, db: KlapjobDatabase = localDatabase(), now = Date.now): Promise<void> {
	if (url.pathname === '/job') {
		const filters = pageJobFilters(url.searchParams);
		const region = filters.region ?? (filters.municipality ? municipalityByCode.get(filters.municipality)?.region : undefined);
		if (region) await db.copyChoice.put({ id: 'region', region, savedAt: now() });
		else if (url.searchParams.get(WHOLE_COUNTRY_PARAM) === WHOLE_COUNTRY_VALUE) await db.copyChoice.delete('region');
		return;
	}
	const opened = /^\/job\/([A-Za-z0-9-]{1,64})$/.exec(url.pathname);
	if (opened) await db.openedPostings.put({ id: opened[1]!, openedAt: now() });
}

const running = new Map<Language, Promise<number>>();

/** One refresh per language at a time; a failure (offline) is simply tried at the next trigger. */
function refreshOnce(lang: Language): Promise<number> {
	let promise = running.get(lang);
	if (!promise) {
		promise = refreshPostings(lang)
			// A region chosen while a copy was being made: make the copy of that region now.
			.then(async (count) => ((await copyIsOld(lang)) ? refreshPostings(lang) : count))
			.catch(() => 0)
			.finally(() => running.delete(lang));
		running.set(lang, promise);
	}
	return promise;
}

interface CookieStore {
	get(name: string): Promise<{ value?: string } | null>;
}

/**
 * The language chosen on this device, from its cookie: read here where the browser lets a
 * service worker read cookies (Cookie Store API), else asked from the server.
 */
async function chosenLanguage(worker: ServiceWorkerGlobalScope): Promise<Language | undefined> {
	try {
		const store = (worker as unknown as { cookieStore?: CookieStore }).cookieStore;
		if (store) {
			const value = (await store.get(LANGUAGE_COOKIE))?.value;
			return isLanguage(value) ? value : DEFAULT_LANGUAGE;
		}
		const { lang } = (await (await fetch('/api/language')).json()) as { lang: unknown };
		return isLanguage(lang) ? lang : undefined;
	} catch {
		return undefined;
	}
}

async function refreshChosenLanguage(worker: ServiceWorkerGlobalScope): Promise<void> {
	const lang = await chosenLanguage(worker);
	if (lang) await refreshOnce(lang);
}

/**
 * Keeps the copy fresh: when the service worker starts serving (activate), when a page
 * is opened and the copy is older than 10 minutes, and when a page says the connection
 * is back. Each adds its own listener, beside the ones in index.ts.
 */
export function keepPostingsFresh(worker: ServiceWorkerGlobalScope): void {
	// Not held in activate's waitUntil: that would hold back the page's own requests.
	worker.addEventListener('activate', () => void refreshChosenLanguage(worker));

	worker.addEventListener('fetch', (event) => {
		if (event.request.mode !== 'navigate' || new URL(event.request.url).pathname.startsWith('/personale')) return;
		// In the background, beside the page's answer: mostly one read that finds the copy fresh.
		event.waitUntil(rememberChoice(new URL(event.request.url)).then(() => refreshChosenLanguage(worker)).catch(() => undefined));
	});

	worker.addEventListener('message', (event) => {
		const data = event.data as { type?: unknown; lang?: unknown } | null;
		if (data?.type !== REFRESH_POSTINGS || !isLanguage(data.lang)) return;
		event.waitUntil(refreshOnce(data.lang));
	});
}
