import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';

export interface CountedStep {
	status: string;
	municipality_code: string;
	at: string;
	outcome?: string | null;
}

/** Sums steps by kind, municipality, outcome and the first `length` characters of their time. */
function sums(steps: readonly CountedStep[], length: number) {
	const rows = new Map<string, { status: string; municipality_code: string; when: string; outcome: string; n: number }>();
	for (const step of steps) {
		const row = { status: step.status, municipality_code: step.municipality_code, when: step.at.slice(0, length), outcome: step.outcome ?? '', n: 1 };
		const key = `${row.status}\u0000${row.municipality_code}\u0000${row.when}\u0000${row.outcome}`;
		const known = rows.get(key);
		if (known) known.n += 1;
		else rows.set(key, row);
	}
	// One order for every writer, so two never wait on each other in a circle
	// (PostgreSQL locks each counted row until the transaction ends).
	return [...rows.keys()].sort().map((key) => rows.get(key)!);
}

/**
 * Adds steps to the figures' counts, by day and by month, in the same transaction that
 * stores them. The counts are never lowered: they stay when a person's data is deleted.
 */
export async function countSteps(trx: Kysely<Database>, steps: readonly CountedStep[]): Promise<void> {
	const days = sums(steps, 10).map(({ when, ...row }) => ({ ...row, day: when }));
	for (let i = 0; i < days.length; i += 500) {
		await trx
			.insertInto('figure_counts')
			.values(days.slice(i, i + 500))
			.onConflict((oc) => oc.columns(['status', 'municipality_code', 'day', 'outcome']).doUpdateSet({ n: sql`figure_counts.n + excluded.n` }))
			.execute();
	}
	const months = sums(steps, 7).map(({ when, ...row }) => ({ ...row, month: when }));
	for (let i = 0; i < months.length; i += 500) {
		await trx
			.insertInto('figure_months')
			.values(months.slice(i, i + 500))
			.onConflict((oc) => oc.columns(['status', 'municipality_code', 'month', 'outcome']).doUpdateSet({ n: sql`figure_months.n + excluded.n` }))
			.execute();
	}
}

/**
 * A period [from, until) of days (YYYY-MM-DD) as its whole months and the days at its
 * edges: a year is twelve month rows per kind and municipality, and no day rows.
 */
export function splitPeriod(from: string, until: string): { months: [string, string] | null; days: [string, string][] } {
	const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
	const lastEdge = `${until.slice(0, 7)}-01`;
	if (firstWhole >= lastEdge) return { months: null, days: [[from, until]] };
	const days: [string, string][] = [];
	if (from < firstWhole) days.push([from, firstWhole]);
	if (lastEdge < until) days.push([lastEdge, until]);
	return { months: [firstWhole.slice(0, 7), lastEdge.slice(0, 7)], days };
}

function nextMonthStart(day: string): string {
	const [y, m] = day.split('-').map(Number) as [number, number];
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
