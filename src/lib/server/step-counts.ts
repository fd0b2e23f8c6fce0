import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';

export interface CountedStep {
	status: string;
	municipality_code: string;
	at: string;
	outcome?: string | null;
}

/**
 * Adds steps to the figures' counts, in the same transaction that stores them. Keys are
 * summed first and written in one order, so two writers never wait on each other in a
 * circle (PostgreSQL locks each counted row until the transaction ends).
 */
export async function countSteps(trx: Kysely<Database>, steps: readonly CountedStep[]): Promise<void> {
	const sums = new Map<string, { status: string; municipality_code: string; day: string; outcome: string; n: number }>();
	for (const step of steps) {
		const row = { status: step.status, municipality_code: step.municipality_code, day: step.at.slice(0, 10), outcome: step.outcome ?? '', n: 1 };
		const key = `${row.status}\u0000${row.municipality_code}\u0000${row.day}\u0000${row.outcome}`;
		const known = sums.get(key);
		if (known) known.n += 1;
		else sums.set(key, row);
	}
	const rows = [...sums.keys()].sort().map((key) => sums.get(key)!);
	for (let i = 0; i < rows.length; i += 500) {
		await trx
			.insertInto('figure_counts')
			.values(rows.slice(i, i + 500))
			.onConflict((oc) => oc.columns(['status', 'municipality_code', 'day', 'outcome']).doUpdateSet({ n: sql`figure_counts.n + excluded.n` }))
			.execute();
	}
}
