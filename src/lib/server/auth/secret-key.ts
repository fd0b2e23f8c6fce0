import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../db';

/** Where the key lives when STAFF_SECRET_KEY is not set: next to the SQLite file, or in data/ for PostgreSQL. */
export function secretKeyFile(config: DatabaseConfig): string {
	return config.dialect === 'sqlite' ? `${config.path}.key` : path.join('data', 'staff-secret.key');
}

/**
 * The 32-byte key that encrypts staff's two-factor secrets. STAFF_SECRET_KEY (any long random
 * text; the key is its SHA-256) wins. Without it, a key file is made at the first start with
 * mode 0600, and read from then on. Several servers must share one key.
 */
export function loadSecretKey(env: Record<string, string | undefined>, config: DatabaseConfig): Buffer {
	if (env.STAFF_SECRET_KEY) return createHash('sha256').update(env.STAFF_SECRET_KEY).digest();
	if (config.dialect === 'sqlite' && config.path === ':memory:') return randomBytes(32);
	const file = secretKeyFile(config);
	fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	try {
		// 'wx': only the first to come makes it; two servers starting at once read the same key.
		fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
	} catch (problem) {
		if ((problem as NodeJS.ErrnoException).code !== 'EEXIST') throw problem;
	}
	const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
	if (key.length !== 32) throw new Error(`The key file ${file} does not hold a 32-byte key.`);
	return key;
}
