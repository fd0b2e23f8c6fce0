import '$lib/zod-config';
import { z } from 'zod';

/**
 * The period the figures count: this year (default), last year, one month, or any
 * from–to range. Read from the URL (a GET form), so a view can be shared and kept.
 * Dates are whole days in UTC; `to` is the last day counted.
 */
export const PERIOD_KINDS = ['year', 'last-year', 'month', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** KLAPjob's data start in 2020; nothing is planned further than a year ahead. */
export const FIRST_YEAR = 2020;

export interface Period {
	kind: PeriodKind;
	/** First day, YYYY-MM-DD. */
	from: string;
	/** Last day (counted), YYYY-MM-DD. */
	to: string;
	/** Days in the period, both ends counted. */
	days: number;
}

const DAY = 86_400_000;

function lastDayOfMonth(year: number, month: number): string {
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

/** The URL's parameters; messages are i18n keys. */
export function periodSchema(now: Date) {
	const lastYear = now.getUTCFullYear() + 1;
	const inYears = (value: string) => {
		const year = Number(value.slice(0, 4));
		return year >= FIRST_YEAR && year <= lastYear;
	};
	const day = z.iso.date({ message: 'staff.figures.errors.date' }).refine(inYears, { message: 'staff.figures.errors.years' });
	return z
		.object({
			periode: z.enum(PERIOD_KINDS, { message: 'staff.figures.errors.kind' }).default('year'),
			maaned: z
				.string()
				.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'staff.figures.errors.month' })
				.refine(inYears, { message: 'staff.figures.errors.years' })
				.optional(),
			fra: day.optional(),
			til: day.optional()
		})
		.superRefine((value, context) => {
			if (value.periode === 'month' && !value.maaned) context.addIssue({ code: 'custom', path: ['maaned'], message: 'staff.figures.errors.month' });
			if (value.periode === 'range') {
				if (!value.fra) context.addIssue({ code: 'custom', path: ['fra'], message: 'staff.figures.errors.date' });
				if (!value.til) context.addIssue({ code: 'custom', path: ['til'], message: 'staff.figures.errors.date' });
				if (value.fra && value.til && value.fra > value.til) context.addIssue({ code: 'custom', path: ['til'], message: 'staff.figures.errors.order' });
			}
		});
}

export type PeriodQuery = z.infer<ReturnType<typeof periodSchema>>;

export type PeriodResult = { ok: true; period: Period; query: PeriodQuery } | { ok: false; field: string; message: string };

/** Reads the period from URL parameters; empty fields count as not given. */
export function parsePeriod(params: URLSearchParams, now = new Date()): PeriodResult {
	const raw: Record<string, string> = {};
	for (const key of ['periode', 'maaned', 'fra', 'til']) {
		const value = params.get(key)?.trim();
		if (value) raw[key] = value;
	}
	const parsed = periodSchema(now).safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, field: String(issue.path[0] ?? 'periode'), message: issue.message };
	}
	const query = parsed.data;
	const year = now.getUTCFullYear();
	let from: string;
	let to: string;
	if (query.periode === 'last-year') [from, to] = [`${year - 1}-01-01`, `${year - 1}-12-31`];
	else if (query.periode === 'month') {
		const [y, m] = query.maaned!.split('-').map(Number) as [number, number];
		[from, to] = [`${query.maaned}-01`, lastDayOfMonth(y, m)];
	} else if (query.periode === 'range') [from, to] = [query.fra!, query.til!];
	else [from, to] = [`${year}-01-01`, `${year}-12-31`];
	return { ok: true, period: { kind: query.periode, from, to, days: daysBetween(from, to) }, query };
}

/** The bounds as ISO instants for comparing with stored times: from ≤ at < until. */
export function periodBounds(period: Period): { from: string; until: string } {
	const until = new Date(Date.parse(`${period.to}T00:00:00Z`) + DAY).toISOString();
	return { from: `${period.from}T00:00:00.000Z`, until };
}

/** A whole calendar year: its yearly targets apply as they are. */
export function isWholeYear(period: Period): boolean {
	return period.from.endsWith('-01-01') && period.to === `${period.from.slice(0, 4)}-12-31`;
}

/** The period as text for a file: "2026" or "2026-03" or "2026-01-05/2026-02-10" (ISO 8601). */
export function periodLabel(period: Period): string {
	if (isWholeYear(period)) return period.from.slice(0, 4);
	if (period.from.endsWith('-01') && period.to === lastDayOfMonth(Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7)))) {
		return period.from.slice(0, 7);
	}
	return `${period.from}/${period.to}`;
}

/** The months the period touches, YYYY-MM, for the chart's bars (empty months too). */
export function periodMonths(period: Period): string[] {
	const months: string[] = [];
	let [y, m] = period.from.split('-').map(Number) as [number, number];
	const last = period.to.slice(0, 7);
	for (;;) {
		const month = `${y}-${String(m).padStart(2, '0')}`;
		months.push(month);
		if (month >= last) break;
		m += 1;
		if (m > 12) [y, m] = [y + 1, 1];
	}
	return months;
}
