/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { localDatabase } from '$lib/outbox/db';
import { syncOutbox } from '$lib/outbox/sync';
import { API_CACHE, PAGE_CACHE, PRECACHE, appShell, copyOf, dropOldAppCaches, keep, precache, precachedFile } from './cache';
import { fetchWithTimeLimit } from './request';
import { keepPostingsFresh } from './postings';

/**
 * The app offline. It handles only what it matches below; everything else goes to
 * the network untouched (POST included: applications go through the outbox).
 * - the app's code and pictures: precached, served from the cache;
 * - pages: network first with a time limit, then the cached copy, then the app shell
 *   (which renders any page from the postings kept on the device);
 * - postings from the API: network first with a time limit, then the cached answer;
 * - background sync: sends the outbox with the same engine as the page;
 * - the device's copy of the postings (IndexedDB): postings.ts.
 * An answer from the cache after a time-out or failure is marked as a copy (cache.ts).
 */
declare const self: ServiceWorkerGlobalScope;

keepPostingsFresh(self);

const SYNC_TAG = 'klapjob-outbox';

self.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
	event.waitUntil(dropOldAppCaches().then(() => self.clients.claim()));
});

// The page asks for this when the person taps "Opdater".
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * Keeps only answers worth having offline: whole lists and single postings. Filtered
 * lists are not kept (there are endless variants); offline, the page filters the
 * postings it keeps in IndexedDB instead.
 */
function worthKeeping(url: URL): boolean {
	return /^\/api\/jobs\/[^/]+$/.test(url.pathname) || [...url.searchParams.keys()].every((key) => key === 'lang');
}

async function page(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const response = await fetchWithTimeLimit(event, request, {
		keep: async (answer) => {
			// A status page holds a person's reference, job and messages: not kept on what may
			// be a shared tablet.
			if (answer.ok && !new URL(request.url).pathname.startsWith('/status/')) await keep(PAGE_CACHE, request, answer);
		}
	});
	return response ?? (await copyOf(request)) ?? (await appShell()) ?? Response.error();
}

async function api(event: FetchEvent): Promise<Response> {
	const { request } = event;
	const response = await fetchWithTimeLimit(event, request, {
		keep: async (answer) => {
			if (answer.ok && worthKeeping(new URL(request.url))) await keep(API_CACHE, request, answer);
		}
	});
	// No copy either: the page falls back to the postings it keeps itself.
	return response ?? (await copyOf(request)) ?? Response.error();
}

const precached = new Set(PRECACHE);

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	// Staff pages hold personal data: never kept on a device, never served from a cache.
	if (url.pathname.startsWith('/personale') || url.pathname.startsWith('/api/staff')) return;

	if (precached.has(url.pathname) && request.mode !== 'navigate') {
		event.respondWith(precachedFile(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate') {
		event.respondWith(page(event));
		return;
	}
	if (url.pathname.startsWith('/api/jobs') || url.pathname.startsWith('/api/job-types') || url.pathname === '/api/game') {
		event.respondWith(api(event));
	}
});

interface SyncEvent extends ExtendableEvent {
	tag: string;
}

self.addEventListener('sync', (event) => {
	const sync = event as SyncEvent;
	if (sync.tag !== SYNC_TAG) return;
	sync.waitUntil(
		syncOutbox({ db: localDatabase(), fetch: (...args) => fetch(...args) }).then((report) => {
			// Still waiting: throwing asks the browser to try the sync again later.
			if (report.retrying > 0) throw new Error('Outbox not empty yet');
		})
	);
});
