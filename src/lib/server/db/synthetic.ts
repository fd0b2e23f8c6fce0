import type { Insertable, Kysely } from 'kysely';
import type { ApplicationEventTable, ApplicationTable, Database, PostingTable, PostingTaskTable } from './schema';
import { followUpDue, FOLLOW_UP_OUTCOMES, WELLBEING } from '$lib/staff/path';
import { nameKey, personKey } from '../person';
import { countSteps } from '../step-counts';

/**
 * Applications as years of real work leave them, for tests and the scale bench: spread
 * over `years` and every municipality, most received and screened, fewer conversations,
 * internships, hires and 6-month calls; some people apply more than once. Deterministic
 * for a seed. Never run against a real deployment's database (the names are made up, but
 * they would mix with real people's).
 */
export interface SyntheticOptions {
	count: number;
	seed?: number;
	/** The newest application arrives just before this. */
	now?: Date;
	years?: number;
	/** Every n-th application comes from a person who applied before (default 10). */
	repeatEvery?: number;
	/** Called after each batch with how many are stored. */
	progress?: (stored: number) => void;
}

const FIRST = ['Anna', 'Mads', 'Sofie', 'Jonas', 'Ida', 'Mikkel', 'Freja', 'Emil', 'Laura', 'Oliver', 'Emma', 'Noah', 'Clara', 'Lucas', 'Maja', 'Ali', 'Fatima', 'Karen', 'Bo', 'Søren'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Hussein', 'Poulsen', 'Johansen', 'Møller', 'Mortensen'];
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DIGITS = '23456789';
const DAY = 86_400_000;

/** A small, fast PRNG: the same seed gives the same database. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A reference no real one can collide with: real ones are "ABC-234"; these "S" + 7 characters. */
function syntheticReference(index: number): string {
	let n = index;
	let digits = '';
	for (let i = 0; i < 3; i++) {
		digits = DIGITS[n % DIGITS.length] + digits;
		n = Math.floor(n / DIGITS.length);
	}
	let letters = '';
	for (let i = 0; i < 4; i++) {
		letters = LETTERS[n % LETTERS.length] + letters;
		n = Math.floor(n / LETTERS.length);
	}
	return `S${letters}-${digits}`;
}

export async function addSyntheticApplications(db: Kysely<Database>, options: SyntheticOptions): Promise<number> {
	const next = random(options.seed ?? 1);
	const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
	const now = (options.now ?? new Date()).getTime();
	const span = (options.years ?? 4) * 365 * DAY;
	const repeatEvery = options.repeatEvery ?? 10;
	const municipalities = await db.selectFrom('municipalities').select(['code', 'consultant_id']).execute();
	const postings = await db.selectFrom('postings').select(['id']).execute();
	const start = Number((await db.selectFrom('applications').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
	const people: { name: string; phone: string | null; helperPhone: string | null }[] = [];

	const batch = 400;
	let stored = 0;
	while (stored < options.count) {
		const applications: Insertable<ApplicationTable>[] = [];
		const events: Insertable<ApplicationEventTable>[] = [];
		for (let i = 0; i < Math.min(batch, options.count - stored); i++) {
			const index = start + stored + i;
			// Oldest first, so the index grows with time and later ones are the newest.
			const receivedMs = now - span + Math.floor(((stored + i + next()) / options.count) * span);
			const received = new Date(receivedMs).toISOString();
			const place = pick(municipalities);
			const posting = next() < 0.7 ? pick(postings) : null;
			const repeat = people.length > 0 && index % repeatEvery === repeatEvery - 1;
			const person = repeat
				? pick(people)
				: next() < 0.15
					? { name: `${pick(FIRST)} ${pick(LAST)}`, phone: null, helperPhone: String(20_000_000 + Math.floor(next() * 79_999_999)) }
					: { name: `${pick(FIRST)} ${pick(LAST)}`, phone: String(20_000_000 + Math.floor(next() * 79_999_999)), helperPhone: null };
			if (!repeat && people.length < 50_000) people.push(person);
			const answers = {
				filledBy: person.helperPhone ? 'helper' : 'self',
				...(person.helperPhone ? { helper: { name: `${pick(FIRST)} ${pick(LAST)}`, role: 'bosted', phone: person.helperPhone } } : {}),
				name: person.name,
				contactMethod: person.helperPhone ? 'helper' : 'sms',
				...(person.phone ? { phone: person.phone } : {}),
				pension: 'yes',
				fleksjob: 'no',
				likes: ['retail'],
				days: ['mon', 'wed'],
				hours: '5-10',
				consent: true
			};
			const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

			// The person's path: each step a few days to weeks after the one before, never past now.
			const path: { status: string; at: number; outcome?: string; details?: Record<string, unknown> }[] = [{ status: 'received', at: receivedMs }];
			const age = now - receivedMs;
			let at = receivedMs;
			const step = (status: string, days: number, extra: { outcome?: string; details?: Record<string, unknown> } = {}) => {
				const when = at + Math.floor((days * (0.5 + next())) * DAY);
				if (when >= now) return false;
				at = when;
				path.push({ status, at, ...extra });
				return true;
			};
			const r = next();
			if (age > 3 * DAY || r < 0.3) {
				if (r < 0.08) step('outside-target-group', 5);
				else if ((r < 0.1 ? step('more-info', 3) : true) && step('screened', 7) && next() < 0.7) {
					if (next() < 0.3) step('closed', 30);
					else if (step('conversation', 20)) {
						const hireType = next() < 0.85 ? 'skaanejob' : 'fleksjob';
						const hire = { outcome: hireType, details: { hireType, employer: 'Netto', hours: 10 } };
						if (next() < 0.35) step('closed', 20);
						else if (next() < 0.7 ? step('internship', 10) && step('hired', 30, hire) : step('hired', 20, hire)) {
							const outcome = pick(FOLLOW_UP_OUTCOMES.filter((o, n) => n < 2 || next() < 0.5));
							if (step('follow-up', 183, { outcome, details: { outcome, wellbeing: pick(WELLBEING) } }) && next() < 0.6) step('closed', 20);
						}
					}
				}
			}
			const last = path.at(-1)!;
			const hired = path.find((p) => p.status === 'hired');
			applications.push({
				id,
				request_hash: `synthetic-${index}`,
				reference: syntheticReference(index),
				status_token: `synthetic-${index}-${Math.floor(next() * 2 ** 52).toString(36)}`,
				status: last.status,
				posting_id: posting?.id ?? null,
				municipality_code: place.code,
				consultant_id: place.consultant_id,
				screening_decision: last.status === 'outside-target-group' ? 'outside-target-group' : 'skaanejob',
				screening_reasons: last.status === 'outside-target-group' ? '["pension-no","fleksjob-no"]' : '["pension-yes"]',
				answers: JSON.stringify(answers),
				language: 'da',
				created_at: received,
				received_at: received,
				name_key: nameKey(person.name),
				person_key: personKey(answers),
				follow_up_due_at: last.status === 'hired' && hired ? followUpDue(new Date(hired.at).toISOString()) : null
			});
			path.forEach((p, n) =>
				events.push({
					id: `${id.slice(0, 24)}${n.toString(16)}${index.toString(16).padStart(11, '0')}`,
					application_id: id,
					status: p.status,
					at: new Date(p.at).toISOString(),
					note: null,
					staff_id: null,
					public_note: null,
					details: p.details ? JSON.stringify(p.details) : null,
					outcome: p.outcome ?? null,
					municipality_code: place.code
				})
			);
		}
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('applications').values(applications).execute();
			for (let i = 0; i < events.length; i += 1000) await trx.insertInto('application_events').values(events.slice(i, i + 1000)).execute();
			await countSteps(trx, events);
		});
		stored += applications.length;
		options.progress?.(stored);
	}
	return stored;
}

/**
 * Live postings in every municipality, copied from the seeded ones with new ids (`s00001`…)
 * and their tasks, until `count` postings are live. For tests and the scale bench.
 */
export async function addSyntheticPostings(db: Kysely<Database>, options: { count: number; seed?: number }): Promise<number> {
	const next = random(options.seed ?? 2);
	const live = Number((await db.selectFrom('postings').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'live').executeTakeFirstOrThrow()).n);
	const templates = await db.selectFrom('postings').selectAll().where('status', '=', 'live').orderBy('id').execute();
	const tasks = await db.selectFrom('posting_tasks').selectAll().execute();
	const tasksOf = new Map<string, typeof tasks>();
	for (const task of tasks) tasksOf.set(task.posting_id, [...(tasksOf.get(task.posting_id) ?? []), task]);
	const municipalities = await db.selectFrom('municipalities').select(['code', 'name']).execute();
	const wanted = options.count - live;
	for (let done = 0; done < wanted; ) {
		const size = Math.min(500, wanted - done);
		const postings: Insertable<PostingTable>[] = [];
		const postingTasks: Insertable<PostingTaskTable>[] = [];
		for (let i = 0; i < size; i++) {
			const template = templates[(done + i) % templates.length]!;
			const place = municipalities[Math.floor(next() * municipalities.length)]!;
			const id = `s${String(done + i + 1).padStart(5, '0')}`;
			const published = new Date(Date.parse(template.published_at) - Math.floor(next() * 365) * 86_400_000).toISOString();
			postings.push({ ...template, id, municipality_code: place.code, published_at: published, search_text: `${template.search_text} ${place.name.toLowerCase()}` });
			for (const task of tasksOf.get(template.id) ?? []) postingTasks.push({ ...task, posting_id: id });
		}
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('postings').values(postings).execute();
			for (let i = 0; i < postingTasks.length; i += 1000) await trx.insertInto('posting_tasks').values(postingTasks.slice(i, i + 1000)).execute();
		});
		done += size;
	}
	return Math.max(0, wanted);
}
