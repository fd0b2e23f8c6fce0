import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { catalogue } from './seed-files';
import { nameKey, personKey } from '../person';
import { followUpDue } from '$lib/staff/path';

/**
 * Migrations live in code (not files on disk) so the built server carries them.
 * They use only types both SQLite and PostgreSQL understand alike.
 * Never edit a migration that has shipped: add a new one.
 */
const migrations: Record<string, Migration> = {
	'2026-11-24-001-postings': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('consultants')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('first_name', 'text', (c) => c.notNull())
				.addColumn('last_name', 'text', (c) => c.notNull())
				.addColumn('phone', 'text', (c) => c.notNull())
				.addColumn('email', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('municipalities')
				.addColumn('code', 'text', (c) => c.primaryKey())
				.addColumn('name', 'text', (c) => c.notNull().unique())
				.addColumn('region', 'text', (c) => c.notNull())
				.addColumn('agreement', 'text', (c) => c.notNull())
				.addColumn('consultant_id', 'text', (c) => c.notNull().references('consultants.id'))
				.execute();

			await db.schema
				.createTable('job_types')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('picture', 'text', (c) => c.notNull())
				.addColumn('share_2020', 'real', (c) => c.notNull())
				.addColumn('name_da', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('about_da', 'text', (c) => c.notNull())
				.addColumn('about_en', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('tasks')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('picture', 'text', (c) => c.notNull())
				.addColumn('text_da', 'text', (c) => c.notNull())
				.addColumn('text_en', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('job_type_tasks')
				.addColumn('job_type_id', 'text', (c) => c.notNull().references('job_types.id'))
				.addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('job_type_tasks_pk', ['job_type_id', 'task_id'])
				.execute();

			await db.schema
				.createTable('descriptions')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('job_type_id', 'text', (c) => c.notNull().references('job_types.id'))
				.addColumn('title_da', 'text', (c) => c.notNull())
				.addColumn('title_en', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('description_tasks')
				.addColumn('description_id', 'text', (c) => c.notNull().references('descriptions.id'))
				.addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('description_tasks_pk', ['description_id', 'task_id'])
				.execute();

			await db.schema
				.createTable('postings')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('description_id', 'text', (c) => c.notNull().references('descriptions.id'))
				.addColumn('job_type_id', 'text', (c) => c.notNull().references('job_types.id'))
				.addColumn('title', 'text', (c) => c.notNull())
				.addColumn('employer', 'text', (c) => c.notNull())
				.addColumn('place', 'text', (c) => c.notNull())
				.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
				.addColumn('hours_per_week', 'integer', (c) => c.notNull())
				.addColumn('eligibility', 'text', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('published_at', 'text', (c) => c.notNull())
				.addColumn('search_text', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('postings_status_published')
				.on('postings')
				.columns(['status', 'published_at'])
				.execute();

			await db.schema
				.createTable('posting_tasks')
				.addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id'))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
				.addColumn('text', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('posting_tasks_pk', ['posting_id', 'position'])
				.execute();

			await db.schema
				.createTable('meta')
				.addColumn('key', 'text', (c) => c.primaryKey())
				.addColumn('value', 'text', (c) => c.notNull())
				.execute();
		}
	},
	'2026-11-24-002-applications': {
		async up(db: Kysely<unknown>) {
			// The application's id is also its Idempotency-Key: the row is the record of the answer.
			await db.schema
				.createTable('applications')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('request_hash', 'text', (c) => c.notNull())
				.addColumn('reference', 'text', (c) => c.notNull().unique())
				.addColumn('status_token', 'text', (c) => c.notNull().unique())
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('posting_id', 'text')
				.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipalities.code'))
				.addColumn('consultant_id', 'text', (c) => c.notNull().references('consultants.id'))
				.addColumn('screening_decision', 'text', (c) => c.notNull())
				.addColumn('screening_reasons', 'text', (c) => c.notNull())
				.addColumn('answers', 'text', (c) => c.notNull())
				.addColumn('language', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('received_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('applications_consultant_status')
				.on('applications')
				.columns(['consultant_id', 'status'])
				.execute();

			await db.schema
				.createTable('voice_messages')
				.addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id'))
				.addColumn('mime_type', 'text', (c) => c.notNull())
				.addColumn('duration_seconds', 'real', (c) => c.notNull())
				.addColumn('data_base64', 'text', (c) => c.notNull())
				.execute();

			// Each step on a person's path, with when and why: the status page shows them.
			await db.schema
				.createTable('application_events')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('note', 'text')
				.execute();
			await db.schema
				.createIndex('application_events_application')
				.on('application_events')
				.columns(['application_id', 'at'])
				.execute();
		}
	},
	'2026-11-24-003-staff': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('staff')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('email', 'text', (c) => c.notNull().unique())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('role', 'text', (c) => c.notNull())
				// A consultant's account points at the consultant, and so at their municipalities.
				.addColumn('consultant_id', 'text', (c) => c.references('consultants.id'))
				.addColumn('password_hash', 'text', (c) => c.notNull())
				.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();

			// Only a hash of the session token is stored: a copy of the database signs nobody in.
			await db.schema
				.createTable('staff_sessions')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.execute();

			// Who read or changed what, and when. Never the personal data itself.
			await db.schema
				.createTable('audit_log')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('staff_id', 'text')
				.addColumn('action', 'text', (c) => c.notNull())
				.addColumn('application_id', 'text')
				.addColumn('detail', 'text')
				.execute();
			await db.schema.createIndex('audit_log_application').on('audit_log').columns(['application_id', 'at']).execute();

			await db.schema.alterTable('application_events').addColumn('staff_id', 'text').execute();
			// What the applicant sees on the status page (a referral, for one), in easy words.
			await db.schema.alterTable('application_events').addColumn('public_note', 'text').execute();
			// Facts of the step as JSON: employer and hours when hired, outcome at follow-up.
			await db.schema.alterTable('application_events').addColumn('details', 'text').execute();
		}
	},
	'2026-11-24-004-arabic': {
		async up(db: Kysely<any>) {
			// A third language for the catalogue's easy texts; postings' own text stays Danish.
			const columns: [string, string][] = [
				['job_types', 'name_ar'],
				['job_types', 'about_ar'],
				['tasks', 'text_ar'],
				['descriptions', 'title_ar']
			];
			for (const [table, column] of columns) {
				await db.schema.alterTable(table).addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
			}
			// A database seeded before this migration gets the Arabic texts from the catalogue.
			for (const type of catalogue.jobTypes) {
				await db.updateTable('job_types').set({ name_ar: type.name.ar, about_ar: type.about.ar }).where('id', '=', type.id).execute();
			}
			for (const task of catalogue.tasks) {
				await db.updateTable('tasks').set({ text_ar: task.text.ar }).where('id', '=', task.id).execute();
			}
			for (const description of catalogue.descriptions) {
				await db.updateTable('descriptions').set({ title_ar: description.title.ar }).where('id', '=', description.id).execute();
			}
		}
	},
	'2026-12-02-005-task-pictures': {
		async up(db: Kysely<any>) {
			// A database seeded earlier takes the catalogue's mended pictures (cleaning stables
			// showed a running horse).
			for (const task of catalogue.tasks) {
				await db.updateTable('tasks').set({ picture: task.picture }).where('id', '=', task.id).execute();
			}
		}
	},
	'2026-12-02-006-staff-at-volume': {
		async up(db: Kysely<any>) {
			// Search and "the same person" read their own columns, never the answers' JSON.
			await db.schema.alterTable('applications').addColumn('name_key', 'text', (c) => c.notNull().defaultTo('')).execute();
			await db.schema.alterTable('applications').addColumn('person_key', 'text').execute();
			// Set when a person is hired: the follow-up list is a range on one index.
			await db.schema.alterTable('applications').addColumn('follow_up_due_at', 'text').execute();
			// The hire type or the follow-up's outcome, so figures count in SQL on both databases.
			await db.schema.alterTable('application_events').addColumn('outcome', 'text').execute();

			const batch = 1000;
			for (let after = ''; ; ) {
				const rows: { id: string; answers: string }[] = await db
					.selectFrom('applications')
					.select(['id', 'answers'])
					.where('id', '>', after)
					.orderBy('id')
					.limit(batch)
					.execute();
				for (const row of rows) {
					const answers = JSON.parse(row.answers) as Record<string, unknown>;
					await db
						.updateTable('applications')
						.set({ name_key: nameKey(String(answers.name ?? '')), person_key: personKey(answers as never) })
						.where('id', '=', row.id)
						.execute();
				}
				if (rows.length < batch) break;
				after = rows.at(-1)!.id;
			}
			const events: { id: string; status: string; at: string; application_id: string; details: string | null }[] = await db
				.selectFrom('application_events')
				.select(['id', 'status', 'at', 'application_id', 'details'])
				.where('status', 'in', ['hired', 'follow-up'])
				.execute();
			for (const event of events) {
				const details = JSON.parse(event.details ?? '{}') as Record<string, unknown>;
				const outcome = event.status === 'hired' ? details.hireType : details.outcome;
				if (typeof outcome === 'string') await db.updateTable('application_events').set({ outcome }).where('id', '=', event.id).execute();
				if (event.status === 'hired') {
					await db
						.updateTable('applications')
						.set({ follow_up_due_at: followUpDue(event.at) })
						.where('id', '=', event.application_id)
						.where('status', '=', 'hired')
						.execute();
				}
			}

			const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
			// The queue: by status (waiting first, oldest first) and by consultant, paged by time.
			await index('applications_status_received', 'applications', ['status', 'received_at']);
			await index('applications_consultant_status_received', 'applications', ['consultant_id', 'status', 'received_at']);
			await index('applications_received', 'applications', ['received_at']);
			await index('applications_municipality_received', 'applications', ['municipality_code', 'received_at']);
			await index('applications_posting', 'applications', ['posting_id']);
			await index('applications_name_key', 'applications', ['name_key']);
			await index('applications_person_key', 'applications', ['person_key']);
			await index('applications_follow_up_due', 'applications', ['status', 'follow_up_due_at']);
			// Figures for a period: events by step and date.
			await index('application_events_status_at', 'application_events', ['status', 'at']);
			await index('postings_municipality_status', 'postings', ['municipality_code', 'status']);
		}
	},
	'2026-12-02-007-queue': {
		async up(db: Kysely<any>) {
			// The queue's page of ids comes from an index alone (with the id as the last key),
			// so paging never reads the applications it skips.
			await db.schema.createIndex('applications_queue').on('applications').columns(['status', 'received_at', 'id']).execute();
			await db.schema.createIndex('applications_queue_consultant').on('applications').columns(['consultant_id', 'status', 'received_at', 'id']).execute();
			// Search by the start of a name or a helper's phone: PostgreSQL's LIKE 'x%' needs a
			// pattern index whatever the collation (SQLite compares ranges on the plain index).
			if (db.getExecutor().adapter instanceof PostgresAdapter) {
				await db.schema.createIndex('applications_name_key_prefix').on('applications').expression(sql`name_key text_pattern_ops`).execute();
				await db.schema.createIndex('applications_person_key_prefix').on('applications').expression(sql`person_key text_pattern_ops`).execute();
			}
		}
	},
	'2026-12-02-009-posting-changes': {
		async up(db: Kysely<any>) {
			// When a posting last changed (its text, or live/paused/closed), so a phone's copy
			// is refreshed by changes only. Postings are never deleted: a pause or a close is
			// the record of a removal, found by this column too.
			await db.schema.alterTable('postings').addColumn('updated_at', 'text', (c) => c.notNull().defaultTo('')).execute();
			await db.updateTable('postings').set({ updated_at: new Date().toISOString() }).execute();
			await db.schema.createIndex('postings_updated').on('postings').columns(['updated_at', 'id']).execute();
		}
	},
	'2026-12-02-010-figures': {
		async up(db: Kysely<any>) {
			// Each step carries its application's municipality (which never changes), so the
			// figures count steps by municipality from one index, without reading applications.
			await db.schema.alterTable('application_events').addColumn('municipality_code', 'text', (c) => c.notNull().defaultTo('')).execute();
			// In batches of applications (by id), each batch one statement on the primary key.
			const batch = 20_000;
			for (let after = ''; ; ) {
				const last: { id: string } | undefined = await db
					.selectFrom('applications')
					.select('id')
					.where('id', '>', after)
					.orderBy('id')
					.offset(batch - 1)
					.limit(1)
					.executeTakeFirst();
				let fill = db
					.updateTable('application_events')
					.set((eb) => ({
						municipality_code: eb
							.selectFrom('applications')
							.select('applications.municipality_code')
							.whereRef('applications.id', '=', 'application_events.application_id')
					}))
					.where('application_id', '>', after);
				if (last) fill = fill.where('application_id', '<=', last.id);
				await fill.execute();
				if (!last) break;
				after = last.id;
			}
			// Figures for a period: for each kind of step and municipality, the period's steps are
			// one range of this index, in the GROUP BY's order, and it holds all that is counted.
			// It takes the place of (status, at).
			await db.schema.dropIndex('application_events_status_at').execute();
			await db.schema
				.createIndex('application_events_figures')
				.on('application_events')
				.columns(['status', 'municipality_code', 'at', 'outcome'])
				.execute();
			// 'Waiting now' per municipality from an index alone.
			await db.schema.createIndex('applications_status_municipality').on('applications').columns(['status', 'municipality_code']).execute();
		}
	},
	'2026-12-02-011-sign-in-tries': {
		async up(db: Kysely<any>) {
			// Failed staff sign-ins, so every app server counts the same tries. Keys are
			// hashes (of an e-mail, an address or a device), never the values themselves.
			await db.schema
				.createTable('sign_in_failures')
				.addColumn('key_hash', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('sign_in_failures_key').on('sign_in_failures').columns(['key_hash', 'at']).execute();
			await db.schema.createIndex('sign_in_failures_at').on('sign_in_failures').columns(['at']).execute();
			// Devices an account has signed in from (a hash of the device cookie's token): their
			// tries are counted on their own, so guesses elsewhere never lock the holder out.
			await db.schema
				.createTable('sign_in_devices')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('email_hash', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('sign_in_devices_created').on('sign_in_devices').columns(['created_at']).execute();
		}
	},
	'2026-12-02-012-name-search': {
		async up(db: Kysely<any>) {
			// A search by a common first name matches tens of thousands of applications: with
			// the status, the consultant and the order in the same index, the count and the page
			// come from the index alone, without reading each application.
			if (db.getExecutor().adapter instanceof PostgresAdapter) {
				await db.schema.dropIndex('applications_name_key_prefix').ifExists().execute();
				await sql`create index applications_name_search on applications (name_key text_pattern_ops, status, consultant_id, received_at, id)`.execute(db);
			} else {
				await db.schema.createIndex('applications_name_search').on('applications').columns(['name_key', 'status', 'consultant_id', 'received_at', 'id']).execute();
			}
			await db.schema.dropIndex('applications_name_key').ifExists().execute();
		}
	},
	'2026-12-03-013-counts': {
		async up(db: Kysely<any>) {
			// Steps counted per kind, municipality and outcome, by day and by month: a year of
			// figures sums twelve months' rows (the days only at a period's ragged edges)
			// instead of every step of the year. On SQLite each table is its own primary-key
			// index (without rowid), so a range is read once.
			const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
			for (const [table, column, length] of [['figure_counts', 'day', 10], ['figure_months', 'month', 7]] as const) {
				let create = db.schema
					.createTable(table)
					.addColumn('status', 'text', (c) => c.notNull())
					.addColumn('municipality_code', 'text', (c) => c.notNull())
					.addColumn(column, 'text', (c) => c.notNull())
					.addColumn('outcome', 'text', (c) => c.notNull())
					.addColumn('n', 'integer', (c) => c.notNull())
					.addPrimaryKeyConstraint(`${table}_key`, ['status', 'municipality_code', column, 'outcome']);
				if (!postgres) create = create.modifyEnd(sql`without rowid`);
				await create.execute();
				await sql`insert into ${sql.table(table)} (status, municipality_code, ${sql.ref(column)}, outcome, n)
					select status, municipality_code, substr(at, 1, ${sql.lit(length)}), coalesce(outcome, ''), count(*)
					from application_events group by status, municipality_code, substr(at, 1, ${sql.lit(length)}), coalesce(outcome, '')`.execute(db);
			}

			// Applications counted by status and municipality ('waiting now' without reading
			// every waiting application), kept by the database itself on every insert, change of
			// status and delete, so no writer can forget it.
			await db.schema
				.createTable('status_counts')
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('municipality_code', 'text', (c) => c.notNull())
				.addColumn('n', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('status_counts_key', ['status', 'municipality_code'])
				.execute();
			await sql`insert into status_counts (status, municipality_code, n)
				select status, municipality_code, count(*) from applications group by status, municipality_code`.execute(db);
			if (postgres) {
				await sql.raw(`create function count_application_status() returns trigger language plpgsql as $$
					begin
						if tg_op = 'UPDATE' and old.status = new.status and old.municipality_code = new.municipality_code then return null; end if;
						if tg_op in ('UPDATE', 'DELETE') then
							update status_counts set n = n - 1 where status = old.status and municipality_code = old.municipality_code;
						end if;
						if tg_op in ('UPDATE', 'INSERT') then
							insert into status_counts (status, municipality_code, n) values (new.status, new.municipality_code, 1)
							on conflict (status, municipality_code) do update set n = status_counts.n + 1;
						end if;
						return null;
					end $$`).execute(db);
				await sql`create trigger applications_status_count after insert or delete or update of status, municipality_code on applications
					for each row execute function count_application_status()`.execute(db);
			} else {
				const add = `insert into status_counts (status, municipality_code, n) values (new.status, new.municipality_code, 1)
					on conflict (status, municipality_code) do update set n = n + 1;`;
				const remove = `update status_counts set n = n - 1 where status = old.status and municipality_code = old.municipality_code;`;
				await sql.raw(`create trigger applications_status_insert after insert on applications begin ${add} end`).execute(db);
				await sql.raw(`create trigger applications_status_delete after delete on applications begin ${remove} end`).execute(db);
				await sql.raw(`create trigger applications_status_update after update of status, municipality_code on applications
					when old.status is not new.status or old.municipality_code is not new.municipality_code begin ${remove} ${add} end`).execute(db);
			}
			// Live postings counted per job type (the job list's pictures) from an index alone.
			await db.schema.createIndex('postings_status_job_type').on('postings').columns(['status', 'job_type_id']).execute();
		}
	},
	'2026-12-03-014-staff-security': {
		async up(db: Kysely<any>) {
			// A new account, or one whose password an admin reset, changes it at first sign-in.
			await db.schema.alterTable('staff').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
			// Two-factor: the authenticator's secret, encrypted (AES-256-GCM); one waiting to be
			// confirmed; the last 30-second step used, so a code works once.
			await db.schema.alterTable('staff').addColumn('totp_secret', 'text').execute();
			await db.schema.alterTable('staff').addColumn('totp_pending', 'text').execute();
			await db.schema.alterTable('staff').addColumn('totp_last_step', 'bigint').execute();
			// Idle sessions end after 30 minutes; null means "since created_at".
			await db.schema.alterTable('staff_sessions').addColumn('last_seen_at', 'text').execute();
			// Recovery codes, stored only as hashes; a used one keeps its time and never works again.
			await db.schema
				.createTable('staff_recovery_codes')
				.addColumn('code_hash', 'text', (c) => c.primaryKey())
				.addColumn('staff_id', 'text', (c) => c.notNull())
				.addColumn('used_at', 'text')
				.execute();
			await db.schema.createIndex('staff_recovery_codes_staff').on('staff_recovery_codes').columns(['staff_id']).execute();
			// Between the password and the code: not a session, only a short-lived ticket for the second step.
			await db.schema
				.createTable('staff_sign_in_steps')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('staff_id', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.execute();
		}
	},
	'2026-12-03-015-withdrawal': {
		async up(db: Kysely<any>) {
			// A withdrawn or erased application leaves only this: a hash of its status link's
			// token (so the status page can say it is gone), the kind, and when. The figures
			// keep their counts (migration 013), so no step needs to outlive its application.
			await db.schema
				.createTable('withdrawals')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('token_hash', 'text', (c) => c.notNull().unique())
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.execute();
		}
	},
	'2026-12-03-016-audit-log': {
		async up(db: Kysely<any>) {
			// The audit log page reads newest first, filtered by who or what: each index ends in
			// the time and the id, so a page and its count come from an index, never a sort.
			await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
			await db.schema.createIndex('audit_log_staff').on('audit_log').columns(['staff_id', 'at', 'id']).execute();
			await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at', 'id']).execute();
		}
	}
};

export const migrationProvider: MigrationProvider = {
	async getMigrations() {
		return migrations;
	}
};
