import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { FOLLOW_UP_OUTCOMES, HIRE_TYPES } from '$lib/staff/path';

/** The evaluation's target: 60% still in a job 6 months after hiring. */
export const RETENTION_TARGET = 0.6;

export interface KeyFigures {
	applications: number;
	waiting: number;
	conversations: number;
	internships: number;
	hires: Record<(typeof HIRE_TYPES)[number], number>;
	followUps: number;
	followUpOutcomes: Record<(typeof FOLLOW_UP_OUTCOMES)[number], number>;
	/** Share of followed-up people in a job (same or new) after 6 months; null before any follow-up. */
	retention: number | null;
	retentionTarget: number;
	postingsByJobType: { jobType: string; count: number }[];
	postingsByEmployer: { employer: string; count: number }[];
}

/** The key figures, counted from the data, within the staff member's scope. */
export async function keyFigures(db: Kysely<Database>, staff: StaffMember): Promise<KeyFigures> {
	const own = staff.role === 'konsulent' ? (staff.consultantId ?? '') : null;
	let applicationsQuery = db.selectFrom('applications').select(['id', 'status']);
	if (own !== null) applicationsQuery = applicationsQuery.where('consultant_id', '=', own);
	const applications = await applicationsQuery.execute();
	const ids = new Set(applications.map((a) => a.id));

	const events = (await db.selectFrom('application_events').select(['application_id', 'status', 'details']).execute()).filter((e) =>
		ids.has(e.application_id)
	);
	const reached = (status: string) => new Set(events.filter((e) => e.status === status).map((e) => e.application_id)).size;
	const details = (status: string) => events.filter((e) => e.status === status).map((e) => JSON.parse(e.details ?? '{}') as Record<string, string>);

	const hires = Object.fromEntries(HIRE_TYPES.map((type) => [type, 0])) as KeyFigures['hires'];
	for (const hire of details('hired')) if (hire.hireType && hire.hireType in hires) hires[hire.hireType as keyof typeof hires] += 1;
	const followUpOutcomes = Object.fromEntries(FOLLOW_UP_OUTCOMES.map((o) => [o, 0])) as KeyFigures['followUpOutcomes'];
	const followUps = details('follow-up');
	for (const followUp of followUps) {
		if (followUp.outcome && followUp.outcome in followUpOutcomes) followUpOutcomes[followUp.outcome as keyof typeof followUpOutcomes] += 1;
	}
	const inJob = followUpOutcomes['same-job'] + followUpOutcomes['new-job'];

	let postingsQuery = db
		.selectFrom('postings')
		.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
		.select(['postings.job_type_id', 'postings.employer'])
		.where('postings.status', '=', 'live');
	if (own !== null) postingsQuery = postingsQuery.where('municipalities.consultant_id', '=', own);
	const postings = await postingsQuery.execute();
	const countBy = (values: string[]) =>
		[...values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1]);

	return {
		applications: applications.length,
		waiting: applications.filter((a) => ['received', 'more-info', 'screened'].includes(a.status)).length,
		conversations: reached('conversation'),
		internships: reached('internship'),
		hires,
		followUps: followUps.length,
		followUpOutcomes,
		retention: followUps.length > 0 ? inJob / followUps.length : null,
		retentionTarget: RETENTION_TARGET,
		postingsByJobType: countBy(postings.map((p) => p.job_type_id)).map(([jobType, count]) => ({ jobType, count })),
		postingsByEmployer: countBy(postings.map((p) => p.employer)).map(([employer, count]) => ({ employer, count }))
	};
}

/** The same figures as CSV (one figure per line), for a spreadsheet. */
export function keyFiguresCsv(figures: KeyFigures): string {
	const rows: [string, string | number][] = [
		['applications', figures.applications],
		['waiting', figures.waiting],
		['conversations', figures.conversations],
		['internships', figures.internships],
		...HIRE_TYPES.map((type): [string, number] => [`hires_${type}`, figures.hires[type]]),
		['follow_ups', figures.followUps],
		...FOLLOW_UP_OUTCOMES.map((o): [string, number] => [`follow_up_${o}`, figures.followUpOutcomes[o]]),
		['retention_6_months', figures.retention === null ? '' : figures.retention.toFixed(3)],
		['retention_target', figures.retentionTarget.toFixed(2)],
		...figures.postingsByJobType.map((row): [string, number] => [`postings_job_type_${row.jobType}`, row.count]),
		...figures.postingsByEmployer.map((row): [string, number] => [`postings_employer_${row.employer}`, row.count])
	];
	const quote = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
	return ['figure,value', ...rows.map(([name, value]) => `${quote(name)},${quote(value)}`)].join('\n') + '\n';
}
