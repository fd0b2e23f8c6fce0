import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { FOLLOW_UP_OUTCOMES, HIRE_TYPES } from '$lib/staff/path';
import { isWholeYear, periodBounds, periodLabel, periodMonths, type Period } from '$lib/staff/period';
import { csvDocument } from './csv';
import { splitPeriod } from './step-counts';
import { YEARLY_TARGETS, type Counts, type HireType, type Outcome } from '$lib/staff/figures';

export { YEARLY_TARGETS, type Counts };


export interface MunicipalityFigures {
	code: string;
	name: string;
	region: string;
	consultantId: string;
	consultant: string;
	counts: Counts;
}

export interface Figures {
	period: Period;
	total: Counts;
	byRegion: { region: string; counts: Counts }[];
	byMunicipality: MunicipalityFigures[];
	byConsultant: { id: string; name: string; counts: Counts }[];
	hiresByMonth: { month: string; hires: Record<HireType, number>; total: number }[];
	/**
	 * The targets for this period. A whole calendar year takes the yearly ones; any other
	 * period takes them pro-rated by its days (a share of 365), rounded. The 60% is a share
	 * and stays as it is.
	 */
	targets: { conversations: number; hires: number; retention: number; prorated: boolean };
	/** Waiting now (received, more info, screened): not tied to the period. */
	waiting: number;
	postingsByJobType: { jobType: string; count: number }[];
	postingsByEmployer: { employer: string; count: number }[];
}

function emptyCounts(): Counts {
	return {
		applications: 0,
		conversations: 0,
		internships: 0,
		hires: Object.fromEntries(HIRE_TYPES.map((type) => [type, 0])) as Counts['hires'],
		followUps: 0,
		outcomes: Object.fromEntries(FOLLOW_UP_OUTCOMES.map((o) => [o, 0])) as Counts['outcomes'],
		inJob: 0,
		retention: null
	};
}

/** The outcomes counted per group, each in its own column: a hire's type or a follow-up's outcome. */
const OUTCOMES = [...HIRE_TYPES, ...FOLLOW_UP_OUTCOMES] as const;

/** Adds one counted group (a municipality's steps of one kind, and how many had each outcome) to the counts. */
function addGroup(counts: Counts, status: string, n: number, outcomes: Record<string, number>) {
	if (status === 'received') counts.applications += n;
	else if (status === 'conversation') counts.conversations += n;
	else if (status === 'internship') counts.internships += n;
	else if (status === 'hired') for (const type of HIRE_TYPES) counts.hires[type] += outcomes[type] ?? 0;
	else if (status === 'follow-up') {
		counts.followUps += n;
		for (const o of FOLLOW_UP_OUTCOMES) counts.outcomes[o] += outcomes[o] ?? 0;
		counts.inJob += (outcomes['same-job'] ?? 0) + (outcomes['new-job'] ?? 0);
	}
}

function addCounts(into: Counts, from: Counts) {
	into.applications += from.applications;
	into.conversations += from.conversations;
	into.internships += from.internships;
	for (const type of HIRE_TYPES) into.hires[type] += from.hires[type];
	into.followUps += from.followUps;
	for (const o of FOLLOW_UP_OUTCOMES) into.outcomes[o] += from.outcomes[o];
	into.inJob += from.inJob;
}

function withRetention(counts: Counts): Counts {
	return { ...counts, retention: counts.followUps > 0 ? counts.inJob / counts.followUps : null };
}

/** Municipalities within the staff member's scope: a consultant sees only their own. */
function municipalitiesIn(db: Kysely<Database>, staff: StaffMember) {
	let query = db
		.selectFrom('municipalities')
		.innerJoin('consultants', 'consultants.id', 'municipalities.consultant_id')
		.select(['municipalities.code', 'municipalities.name', 'municipalities.region', 'municipalities.consultant_id', 'consultants.first_name', 'consultants.last_name']);
	if (staff.role === 'konsulent') query = query.where('municipalities.consultant_id', '=', staff.consultantId ?? '');
	return query.orderBy('municipalities.region').orderBy('municipalities.name');
}

/**
 * The figures for a period, within the staff member's scope. The database sums the counts
 * kept with every step (per kind, municipality, outcome and month or day), so a year reads
 * a few thousand rows, not every step; the counts stay when a person's data is deleted.
 * Hires by month read the same ranges, and 'waiting now' the counts per status.
 * Regions and consultants are sums of those few counted rows, as each municipality has
 * exactly one region and one consultant.
 */
export async function keyFigures(db: Kysely<Database>, staff: StaffMember, period: Period): Promise<Figures> {
	const { from, until } = periodBounds(period);
	const own = staff.role === 'konsulent' ? (staff.consultantId ?? '') : null;
	// The scope's municipalities, as the index's second key (for all of them too: without it
	// the database would read every year's steps to find the period's).
	const scope = own === null
		? db.selectFrom('municipalities').select('municipalities.code')
		: db.selectFrom('municipalities').select('municipalities.code').where('municipalities.consultant_id', '=', own);

	// Steps counted by kind, from the counts kept with every step: the period's whole months
	// from the monthly counts, the days at its edges from the daily ones. For each kind and
	// municipality in scope a range is one stretch of a counts table's key. Hires and
	// follow-ups are summed per outcome in columns (so nothing is sorted).
	const split = splitPeriod(from.slice(0, 10), until.slice(0, 10));
	type Part = { table: 'figure_months' | 'figure_counts'; column: 'month' | 'day'; range: [string, string] };
	const parts: Part[] = [
		...(split.months ? [{ table: 'figure_months' as const, column: 'month' as const, range: split.months }] : []),
		...split.days.map((range) => ({ table: 'figure_counts' as const, column: 'day' as const, range }))
	];
	const counted = (part: Part, statuses: readonly string[]) =>
		db
			.selectFrom(part.table)
			.where('status', 'in', statuses)
			.where('municipality_code', 'in', scope)
			.where(part.column, '>=', part.range[0])
			.where(part.column, '<', part.range[1])
			.groupBy(['status', 'municipality_code']);
	const plain = (part: Part) =>
		counted(part, ['received', 'conversation', 'internship']).select((eb) => ['municipality_code as code', 'status', eb.fn.sum<string>('n').as('n')]).execute();
	const withOutcomes = (part: Part) =>
		counted(part, ['hired', 'follow-up'])
			.select((eb) => [
				'municipality_code as code',
				'status',
				eb.fn.sum<string>('n').as('n'),
				...OUTCOMES.map((outcome, i) => eb.fn.sum<string>(eb.case().when('outcome', '=', outcome).then(eb.ref('n')).else(0).end()).as(`o${i}`))
			])
			.execute();
	const monthly = (part: Part) =>
		db
			.selectFrom(part.table)
			.select([sql<string>`substr(${sql.ref(part.column)}, 1, 7)`.as('month'), 'outcome', (eb) => eb.fn.sum<string>('n').as('n')])
			.where('status', '=', 'hired')
			.where('municipality_code', 'in', scope)
			.where(part.column, '>=', part.range[0])
			.where(part.column, '<', part.range[1])
			.groupBy([sql`substr(${sql.ref(part.column)}, 1, 7)`, 'outcome'])
			.execute();

	// Waiting now, from the counts the database keeps per status and municipality.
	const waitingQuery = db
		.selectFrom('status_counts')
		.select(['municipality_code as code', 'n'])
		.where('status', 'in', ['received', 'more-info', 'screened'])
		.where('municipality_code', 'in', scope);

	const postings = (column: 'postings.job_type_id' | 'postings.employer') => {
		let query = db
			.selectFrom('postings')
			.select([`${column} as key`, (eb) => eb.fn.countAll<string>().as('n')])
			.where('postings.status', '=', 'live')
			.groupBy(column)
			.orderBy('n', 'desc')
			.orderBy(column);
		if (own !== null) query = query.where('postings.municipality_code', 'in', scope);
		return query.execute();
	};

	const [places, plainGroups, outcomeGroups, months, waitingRows, byJobType, byEmployer] = await Promise.all([
		municipalitiesIn(db, staff).execute(),
		Promise.all(parts.map(plain)).then((rows) => rows.flat()),
		Promise.all(parts.map(withOutcomes)).then((rows) => rows.flat()),
		Promise.all(parts.map(monthly)).then((rows) => rows.flat()),
		waitingQuery.execute(),
		postings('postings.job_type_id'),
		postings('postings.employer')
	]);

	const perMunicipality = new Map(places.map((place) => [place.code, emptyCounts()]));
	for (const group of [...plainGroups, ...outcomeGroups]) {
		const counts = perMunicipality.get(group.code);
		if (!counts) continue;
		const columns = group as unknown as Record<string, string | number>;
		addGroup(counts, group.status, Number(group.n), Object.fromEntries(OUTCOMES.map((outcome, i) => [outcome, Number(columns[`o${i}`])])));
	}
	const byMunicipality: MunicipalityFigures[] = places.map((place) => ({
		code: place.code,
		name: place.name,
		region: place.region,
		consultantId: place.consultant_id,
		consultant: `${place.first_name} ${place.last_name}`,
		counts: withRetention(perMunicipality.get(place.code)!)
	}));

	const total = emptyCounts();
	const regions = new Map<string, Counts>();
	const consultants = new Map<string, { name: string; counts: Counts }>();
	for (const row of byMunicipality) {
		addCounts(total, row.counts);
		if (!regions.has(row.region)) regions.set(row.region, emptyCounts());
		addCounts(regions.get(row.region)!, row.counts);
		if (!consultants.has(row.consultantId)) consultants.set(row.consultantId, { name: row.consultant, counts: emptyCounts() });
		addCounts(consultants.get(row.consultantId)!.counts, row.counts);
	}

	const hiresByMonth = periodMonths(period).map((m) => ({ month: m, hires: emptyCounts().hires, total: 0 }));
	const monthIndex = new Map(hiresByMonth.map((row) => [row.month, row]));
	for (const row of months) {
		const bar = monthIndex.get(row.month);
		if (!bar || !row.outcome || !(row.outcome in bar.hires)) continue;
		bar.hires[row.outcome as HireType] += Number(row.n);
		bar.total += Number(row.n);
	}

	const whole = isWholeYear(period);
	const share = whole ? 1 : period.days / 365;
	return {
		period,
		total: withRetention(total),
		byRegion: [...regions].map(([region, counts]) => ({ region, counts: withRetention(counts) })),
		byMunicipality,
		byConsultant: [...consultants]
			.map(([id, { name, counts }]) => ({ id, name, counts: withRetention(counts) }))
			.sort((a, b) => a.name.localeCompare(b.name, 'da')),
		hiresByMonth,
		targets: {
			conversations: Math.round(YEARLY_TARGETS.conversations * share),
			hires: Math.round(YEARLY_TARGETS.hires * share),
			retention: YEARLY_TARGETS.retention,
			prorated: !whole
		},
		waiting: waitingRows.reduce((sum, row) => sum + (perMunicipality.has(row.code) ? Number(row.n) : 0), 0),
		postingsByJobType: byJobType.map((row) => ({ jobType: String(row.key), count: Number(row.n) })),
		postingsByEmployer: byEmployer.map((row) => ({ employer: String(row.key), count: Number(row.n) }))
	};
}

export const CSV_COLUMNS = [
	'period',
	'region',
	'municipality',
	'consultant',
	'applications',
	'conversations',
	'internships',
	'hires_skaanejob',
	'hires_fleksjob',
	'follow_ups',
	'in_job_after_6_months'
] as const;

/** One row per municipality and period, for a spreadsheet. */
export function keyFiguresCsv(figures: Figures): string {
	const period = periodLabel(figures.period);
	return csvDocument([
		[...CSV_COLUMNS],
		...figures.byMunicipality.map((row) => [
			period,
			row.region,
			row.name,
			row.consultant,
			row.counts.applications,
			row.counts.conversations,
			row.counts.internships,
			row.counts.hires.skaanejob,
			row.counts.hires.fleksjob,
			row.counts.followUps,
			row.counts.inJob
		])
	]);
}
