/**
 * The service worker marks what it answers from its copy (after a time-out or a failed
 * request), so a page can say so quietly instead of passing the copy off as fresh.
 * An API answer carries a header; a page cannot read its own headers, so a page
 * gets an attribute on <html>, which the root layout takes off once the page is up.
 */
export const COPY_HEADER = 'klapjob-copy';
export const COPY_ATTRIBUTE = 'data-copy';

/** The service worker answered from its copy. */
export function answeredFromCopy(response: Response): boolean {
	return response.headers.has(COPY_HEADER);
}
