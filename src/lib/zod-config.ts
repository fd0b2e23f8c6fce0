import { z } from 'zod';

/**
 * zod's fast path compiles parsers with `new Function`, which the app's
 * Content-Security-Policy forbids (no 'unsafe-eval'). Every module that builds a zod
 * schema for the browser imports this first. The server has no such policy and keeps
 * the fast path.
 */
if ('document' in globalThis) z.config({ jitless: true });
