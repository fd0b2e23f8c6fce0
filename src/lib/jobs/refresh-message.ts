/** A page tells the service worker with this message that the connection is back, so it may refresh the device's copy of the postings. */
export const REFRESH_POSTINGS = 'REFRESH_POSTINGS';
