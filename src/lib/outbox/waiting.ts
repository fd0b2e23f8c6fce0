/**
 * A mark on this phone (localStorage, no personal data) while applications wait in the
 * outbox. Only then does every page start the sync engine; otherwise only the form and
 * /mine do, and no page loads the database code for nothing. The outbox sets and clears
 * it as it sees its items; the service worker's background sync covers a closed app.
 */
const KEY = 'klapjob-outbox-waiting';

export function applicationsWait(): boolean {
	try {
		return localStorage.getItem(KEY) !== null;
	} catch {
		return false;
	}
}

export function markApplicationsWaiting(waiting: boolean): void {
	try {
		if (waiting) localStorage.setItem(KEY, '1');
		else localStorage.removeItem(KEY);
	} catch {
		// No storage (private mode): the form and /mine still start the engine.
	}
}
