// The shell the service worker gives for a page it has no copy of: no server
// rendering, so the app starts in the browser and draws the page the URL names.
export const ssr = false;
