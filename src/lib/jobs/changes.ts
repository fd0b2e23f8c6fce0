import type { Job } from './types';

/**
 * The answer of /api/jobs/changes: how a phone's copy of the postings is made and kept.
 *
 * First copy (no `since`): the live postings of the region (or all, without one), by id,
 * `PAGE` at a time; ask again with `after=next` until `next` is missing. Keep the FIRST
 * page's `cursor`: it was taken before any page was read, so nothing changed meanwhile is lost.
 *
 * A refresh (`since=cursor`): every posting changed since, in the order of change. Live
 * ones in the region come whole (`changed`); paused or closed ones by id (`removed`);
 * live ones now outside the region by id (`elsewhere`: drop them unless the person opened
 * them). Ask again with `since=next` while `next` is there; keep the last `cursor`.
 */
export interface PostingChanges {
	changed: Job[];
	removed: string[];
	elsewhere: string[];
	cursor: string;
	next?: string;
}

export const CHANGES_PAGE_LIMIT = 500;
