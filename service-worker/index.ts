/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, version } from '$service-worker';
import { localDatabase } from '$lib/outbox/db';
import { syncOutbox } from '$lib/outbox/sync';

/**
 * The app offline. It handles only what it matches below; everything else goes to
 * the network untouched (POST included: applications go through the outbox).
 * - the app's code and pictures: precached, served from the cache;
 * - pages: network first, then the cached copy, then the app shell (which renders
 *   any page from the postings kept on the device);
 * - postings from the API: network first, then the cached answer;
 * - background sync: sends the outbox with the same engine as the page.
 */
declare const self: ServiceWorkerGlobalScope;

const APP_CACHE = `app-${version}`;
const PAGE_CACHE = 'pages';
const API_CACHE = 'api';
const SHELL_URL = '/app-shell';
const SYNC_TAG = 'klapjob-outbox';
const PRECACHE = [...build, ...files, SHELL_URL, '/', '/job', '/mine', '/ansog'];

self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith('app-') && key !== APP_CACHE) await caches.delete(key);
			}
			await self.clients.claim();
		})()
	);
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

async function networkFirst(request: Request, cacheName: string): Promise<Response | undefined> {
	const cache = await caches.open(cacheName);
	try {
		const response = await fetch(request);
		if (response.ok && worthKeeping(new URL(request.url))) await cache.put(request, response.clone());
		return response;
	} catch {
		return (await cache.match(request)) ?? undefined;
	}
}

async function page(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.ok) await (await caches.open(PAGE_CACHE)).put(request, response.clone());
		return response;
	} catch {
		return (await caches.match(request)) ?? (await caches.match(SHELL_URL)) ?? Response.error();
	}
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
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate') {
		event.respondWith(page(request));
		return;
	}
	if (url.pathname.startsWith('/api/jobs') || url.pathname.startsWith('/api/job-types') || url.pathname === '/api/game') {
		event.respondWith(networkFirst(request, API_CACHE).then((response) => response ?? Response.error()));
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
