import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';

export const GET: RequestHandler = async () => {
	const { db, dialect } = await database();
	await sql`select 1`.execute(db);
	return json({ ok: true, db: dialect }, { headers: { 'cache-control': 'no-store' } });
};
