import { beforeAll, describe, expect, test } from 'vitest';
import { addSyntheticApplications } from '$lib/server/db/synthetic';
import { keyFigures, keyFiguresCsv, CSV_COLUMNS, type Counts } from '$lib/server/numbers';
import { csvCell } from '$lib/server/csv';
import { parsePeriod, periodBounds, type Period } from '$lib/staff/period';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';

const NOW = new Date('2026-12-01T12:00:00Z');
const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

function period(query: string): Period {
	const result = parsePeriod(new URLSearchParams(query), NOW);
	if (!result.ok) throw new Error(`${query}: ${result.message}`);
	return result.period;
}

/** A strict CSV reader (RFC 4180), written here only to read the export back. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			(row = []), (cell = ''), i++;
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) throw new Error('The last line has no line end');
	return rows;
}

describe.each(backends)('figures for a period on $name, 20,000 applications', (backend) => {
	const open = useSeededDatabase(backend);
	let events: { status: string; at: string; outcome: string | null; code: string; consultant: string }[] = [];

	beforeAll(async () => {
		const { db } = open();
		await addSyntheticApplications(db, { count: 20_000, seed: 11, now: NOW });
		// The recount's own data: every event with its municipality, read plainly.
		events = (
			await db
				.selectFrom('application_events')
				.innerJoin('applications', 'applications.id', 'application_events.application_id')
				.innerJoin('municipalities', 'municipalities.code', 'applications.municipality_code')
				.select(['application_events.status', 'application_events.at', 'application_events.outcome', 'municipalities.code', 'municipalities.consultant_id as consultant'])
				.execute()
		).map((e) => ({ ...e, at: String(e.at) }));
	}, 240_000);

	/** The figures counted the plain way: a loop over the events in the period. */
	function recount(p: Period, keep: (e: (typeof events)[number]) => boolean = () => true) {
		const { from, until } = periodBounds(p);
		const within = events.filter((e) => e.at >= from && e.at < until && keep(e));
		const count = (status: string, outcome?: string) => within.filter((e) => e.status === status && (outcome === undefined || e.outcome === outcome)).length;
		const inJob = count('follow-up', 'same-job') + count('follow-up', 'new-job');
		return {
			applications: count('received'),
			conversations: count('conversation'),
			internships: count('internship'),
			hires: { skaanejob: count('hired', 'skaanejob'), fleksjob: count('hired', 'fleksjob') },
			followUps: count('follow-up'),
			outcomes: {
				'same-job': count('follow-up', 'same-job'),
				'new-job': count('follow-up', 'new-job'),
				'no-job-wants-one': count('follow-up', 'no-job-wants-one'),
				'no-job-does-not-want': count('follow-up', 'no-job-does-not-want')
			},
			inJob,
			retention: count('follow-up') > 0 ? inJob / count('follow-up') : null
		};
	}

	const sum = (rows: { counts: Counts }[], pick: (c: Counts) => number) => rows.reduce((s, r) => s + pick(r.counts), 0);

	test('a year: the figures equal a recount from the events, and every table sums to the total', async () => {
		const lastYear = period('periode=last-year');
		expect(lastYear).toMatchObject({ from: '2025-01-01', to: '2025-12-31', days: 365 });
		const started = performance.now();
		const figures = await keyFigures(open().db, secretariat, lastYear);
		const ms = performance.now() - started;
		console.log(`${backend.name}: figures for one year over 20,000 applications in ${ms.toFixed(0)} ms`);
		expect(ms).toBeLessThan(3_000);

		expect(figures.total).toEqual(recount(lastYear));
		expect(figures.total.applications).toBeGreaterThan(4_000);
		expect(figures.total.followUps).toBeGreaterThan(50);
		expect(figures.targets).toEqual({ conversations: 800, hires: 550, retention: 0.6, prorated: false });

		for (const row of figures.byMunicipality) expect(row.counts, row.name).toEqual(recount(lastYear, (e) => e.code === row.code));
		for (const tables of [figures.byMunicipality, figures.byRegion, figures.byConsultant]) {
			expect(sum(tables, (c) => c.applications)).toBe(figures.total.applications);
			expect(sum(tables, (c) => c.conversations)).toBe(figures.total.conversations);
			expect(sum(tables, (c) => c.hires.skaanejob + c.hires.fleksjob)).toBe(figures.total.hires.skaanejob + figures.total.hires.fleksjob);
			expect(sum(tables, (c) => c.followUps)).toBe(figures.total.followUps);
			expect(sum(tables, (c) => c.inJob)).toBe(figures.total.inJob);
		}
		expect(figures.hiresByMonth.map((m) => m.month)).toHaveLength(12);
		expect(figures.hiresByMonth.reduce((s, m) => s + m.total, 0)).toBe(figures.total.hires.skaanejob + figures.total.hires.fleksjob);
		const march = recount(period('periode=month&maaned=2025-03'));
		expect(figures.hiresByMonth[2]).toEqual({ month: '2025-03', hires: march.hires, total: march.hires.skaanejob + march.hires.fleksjob });
	});

	test('a month and a from–to range: a recount, with the targets pro-rated by days', async () => {
		for (const query of ['periode=month&maaned=2024-02', 'periode=range&fra=2023-03-15&til=2024-09-02', 'periode=range&fra=2026-11-30&til=2026-11-30']) {
			const p = period(query);
			const figures = await keyFigures(open().db, secretariat, p);
			expect(figures.total, query).toEqual(recount(p));
			expect(figures.targets.prorated).toBe(true);
			expect(figures.targets.conversations).toBe(Math.round((800 * p.days) / 365));
		}
		expect(period('periode=month&maaned=2024-02').days).toBe(29);
		expect(period('').from).toBe('2026-01-01');
	});

	test('a consultant sees only their own municipalities', async () => {
		const { db } = open();
		const consultantId = (await db.selectFrom('municipalities').select('consultant_id').where('code', '=', '330').executeTakeFirstOrThrow()).consultant_id;
		const own = await keyFigures(db, { id: 'k', email: 'k@x', name: 'K', role: 'konsulent', consultantId }, period('periode=last-year'));
		expect(own.byConsultant.map((c) => c.id)).toEqual([consultantId]);
		expect(own.byMunicipality.every((m) => m.consultantId === consultantId)).toBe(true);
		expect(own.total).toEqual(recount(period('periode=last-year'), (e) => e.consultant === consultantId));
	});

	test('the CSV: a BOM, one row per municipality, quoting and formulas kept as text', async () => {
		const { db } = open();
		const [first, second] = await db.selectFrom('municipalities').select(['code', 'name']).orderBy('code').limit(2).execute();
		const nasty = ['=HYPERLINK("http://x")', 'Line\rbreak, "quoted"\nend'];
		try {
			await db.updateTable('municipalities').set({ name: nasty[0] }).where('code', '=', first!.code).execute();
			await db.updateTable('municipalities').set({ name: nasty[1] }).where('code', '=', second!.code).execute();
			const figures = await keyFigures(db, secretariat, period('periode=last-year'));
			const csv = keyFiguresCsv(figures);
			expect(csv.startsWith('\uFEFF')).toBe(true);
			const rows = parseCsv(csv.slice(1));
			expect(rows[0]).toEqual([...CSV_COLUMNS]);
			expect(rows).toHaveLength(figures.byMunicipality.length + 1);
			expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
			const names = rows.map((row) => row[2]);
			expect(names).toContain(`'${nasty[0]}`);
			expect(names).toContain(nasty[1]);
			expect(names).not.toContain(nasty[0]);
			expect(rows.slice(1).every((row) => row[0] === '2025')).toBe(true);
			const total = rows.slice(1).reduce((s, row) => s + Number(row[4]), 0);
			expect(total).toBe(figures.total.applications);
			expect(rows.slice(1).reduce((s, row) => s + Number(row[10]), 0)).toBe(figures.total.inJob);
		} finally {
			await db.updateTable('municipalities').set({ name: first!.name }).where('code', '=', first!.code).execute();
			await db.updateTable('municipalities').set({ name: second!.name }).where('code', '=', second!.code).execute();
		}
	});
});

describe('a CSV cell', () => {
	test('a text that a spreadsheet would run gets an apostrophe; numbers stay numbers', () => {
		expect(csvCell('=1+2')).toBe("'=1+2");
		expect(csvCell('+45 1234')).toBe("'+45 1234");
		expect(csvCell('-x')).toBe("'-x");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tx')).toBe("'\tx");
		expect(csvCell('\rx')).toBe('"\'\rx"');
		expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
		expect(csvCell('Aalborg')).toBe('Aalborg');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
	});
});

describe('the period in the URL', () => {
	const bad = (query: string) => {
		const result = parsePeriod(new URLSearchParams(query), NOW);
		return result.ok ? null : result.message;
	};
	test('refuses what cannot be a period, with a message to translate', () => {
		expect(bad('periode=range&fra=2026-05-01&til=2026-04-01')).toBe('staff.figures.errors.order');
		expect(bad('periode=range&fra=1999-01-01&til=2026-04-01')).toBe('staff.figures.errors.years');
		expect(bad('periode=range&fra=2026-01-01&til=2099-01-01')).toBe('staff.figures.errors.years');
		expect(bad('periode=range&fra=2026-02-30&til=2026-04-01')).toBe('staff.figures.errors.date');
		expect(bad('periode=range&fra=2026-01-01')).toBe('staff.figures.errors.date');
		expect(bad('periode=month&maaned=2026-13')).toBe('staff.figures.errors.month');
		expect(bad('periode=month')).toBe('staff.figures.errors.month');
		expect(bad('periode=decade')).toBe('staff.figures.errors.kind');
		expect(bad('periode=range&fra=2026-04-01&til=2026-04-01')).toBeNull();
	});
});
