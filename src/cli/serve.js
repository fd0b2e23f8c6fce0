// @ts-check
/**
 * Serves the built app. On its own (no proxy in front, no ORIGIN set) the app must
 * know whether the request came over http or https: the Node adapter would otherwise
 * assume https, and then form posts fail its cross-site check and cookies go missing
 * on a plain http address (http://localhost:3000, a laptop at a bosted, a LAN address).
 * So this server tells it the protocol of the real connection. Behind a proxy, set
 * ORIGIN (or PROTOCOL_HEADER and HOST_HEADER) as usual and this does nothing.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';

const OWN_HEADER = 'x-klapjob-connection-protocol';
const tellProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (tellProtocol) process.env.PROTOCOL_HEADER = OWN_HEADER;

// A path in a variable: the type checker leaves the built bundle alone.
const built = '../../build/handler.js';
/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void }} */
const { handler } = await import(built);

/**
 * Pages and API answers leave compressed (brotli, else gzip, with Vary: Accept-Encoding):
 * the job list's HTML is ~76 KB as drawn, ~9 KB on the wire. Built files are already
 * compressed by the adapter (precompress) and sent with their Content-Encoding, which
 * `compression` leaves alone; it skips HEAD and answers without a body (304).
 * Each write is flushed, so a page streamed in parts still arrives part by part.
 */
const compress = /** @type {(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void} */ (
	/** @type {unknown} */ (
		compression({
			flush: zlib.constants.Z_SYNC_FLUSH,
			// Quality 5: ~6 % smaller than the default 4 for about the same time on a page.
			brotli: { flush: zlib.constants.BROTLI_OPERATION_FLUSH, params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }
		})
	)
);

/**
 * A client that sends its request slowly (a weak line, or on purpose to hold the server's
 * connections) gets 408 and the connection back after this long: headers and body both.
 * Node's own defaults are 60 s for headers and 5 minutes for the whole request.
 */
const requestSeconds = Number(process.env.REQUEST_TIMEOUT_SECONDS ?? 30);
const limits = {
	headersTimeout: requestSeconds * 1000,
	requestTimeout: requestSeconds * 1000,
	// How often Node looks for requests over their time (its default is 30 s).
	connectionsCheckingInterval: Math.min(1000, requestSeconds * 500)
};

const server = http.createServer(limits, (request, response) => {
	// Set from the socket, never taken from the client.
	if (tellProtocol) request.headers[OWN_HEADER] = 'encrypted' in request.socket && request.socket.encrypted ? 'https' : 'http';
	compress(request, response, () =>
		handler(request, response, () => {
			response.statusCode = 404;
			response.end('Not found');
		})
	);
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// Finish the requests under way, then stop: nothing half-written on a restart.
for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
