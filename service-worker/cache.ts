/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, version } from '$service-worker';
import { COPY_ATTRIBUTE, COPY_HEADER } from '$lib/network/copy';

export const APP_CACHE = `app-${version}`;
export const PAGE_CACHE = 'pages';
export const API_CACHE = 'api';
export const SHELL_URL = '/app-shell';
export const PRECACHE = [...build, ...files, SHELL_URL, '/', '/job', '/mine', '/ansog'];

export async function precache(): Promise<void> {
	await (await caches.open(APP_CACHE)).addAll(PRECACHE);
}

export async function dropOldAppCaches(): Promise<void> {
	for (const key of await caches.keys()) {
		if (key.startsWith('app-') && key !== APP_CACHE) await caches.delete(key);
	}
	// Status pages an earlier version kept: a person's reference and messages, gone.
	const pages = await caches.open(PAGE_CACHE);
	for (const request of await pages.keys()) {
		if (new URL(request.url).pathname.startsWith('/status/')) await pages.delete(request);
	}
}

export async function keep(cacheName: string, request: Request, response: Response): Promise<void> {
	await (await caches.open(cacheName)).put(request, response);
}

/** One of the app's own files: precached, and the same for the whole version. */
export async function precachedFile(path: string): Promise<Response | undefined> {
	return (await caches.open(APP_CACHE)).match(path);
}

/** The kept answer to a request, marked as a copy (see $lib/network/copy); undefined if none. */
export async function copyOf(request: Request): Promise<Response | undefined> {
	const cached = await caches.match(request);
	return cached && markAsCopy(cached);
}

/** The page the app draws any URL in, from the copy of postings on the device. */
export async function appShell(): Promise<Response | undefined> {
	return caches.match(SHELL_URL);
}

async function markAsCopy(cached: Response): Promise<Response> {
	const headers = new Headers(cached.headers);
	headers.set(COPY_HEADER, 'device');
	const init = { status: cached.status, statusText: cached.statusText, headers };
	if (!headers.get('content-type')?.startsWith('text/html')) return new Response(cached.body, init);
	// A page cannot read its own headers: it gets the mark in its <html>. The body then
	// changes length, and the cache holds it decoded.
	headers.delete('content-length');
	headers.delete('content-encoding');
	const html = (await cached.text()).replace('<html', `<html ${COPY_ATTRIBUTE}`);
	return new Response(html, init);
}
