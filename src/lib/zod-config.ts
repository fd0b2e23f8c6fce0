import { z } from 'zod';

/**
 * zod's fast path compiles parsers with `new Function`, which the app's
 * Content-Security-Policy forbids (no 'unsafe-eval'). Imported first by the root layout.
 */
z.config({ jitless: true });
