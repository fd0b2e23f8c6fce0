/** Table types for Kysely. One interface per table; names match the database. */
import type { Generated } from 'kysely';
export interface MunicipalityTable {
	code: string;
	name: string;
	region: string;
	agreement: string;
	consultant_id: string;
}

export interface ConsultantTable {
	id: string;
	first_name: string;
	last_name: string;
	phone: string;
	email: string;
}

export interface JobTypeTable {
	id: string;
	position: number;
	picture: string;
	share_2020: number;
	name_da: string;
	name_en: string;
	name_ar: string;
	about_da: string;
	about_en: string;
	about_ar: string;
}

export interface TaskTable {
	id: string;
	picture: string;
	text_da: string;
	text_en: string;
	text_ar: string;
}

export interface JobTypeTaskTable {
	job_type_id: string;
	task_id: string;
	position: number;
}

export interface DescriptionTable {
	id: string;
	job_type_id: string;
	title_da: string;
	title_en: string;
	title_ar: string;
}

export interface DescriptionTaskTable {
	description_id: string;
	task_id: string;
	position: number;
}

export interface PostingTable {
	id: string;
	description_id: string;
	job_type_id: string;
	title: string;
	employer: string;
	place: string;
	municipality_code: string;
	hours_per_week: number;
	eligibility: string;
	status: string;
	published_at: string;
	/** Lower-cased words of title, employer, place, municipality and tasks, for `q`. */
	search_text: string;
	/** ISO time of the last change (text or status): the phones' copies refresh from it. */
	updated_at: string;
}

export interface PostingTaskTable {
	posting_id: string;
	position: number;
	task_id: string;
	text: string;
}

export interface MetaTable {
	key: string;
	value: string;
}

export interface ApplicationTable {
	id: string;
	request_hash: string;
	reference: string;
	status_token: string;
	status: string;
	posting_id: string | null;
	municipality_code: string;
	consultant_id: string;
	screening_decision: string;
	/** JSON array of reason codes. */
	screening_reasons: string;
	/** JSON of the answers (personal data): only staff read it. */
	answers: string;
	language: string;
	created_at: string;
	received_at: string;
	/** The name as staff search it (person.ts). Personal data, like the answers. */
	name_key: string;
	/** One person across applications (person.ts): their phone, or their helper's and their name. */
	person_key: string | null;
	/** When the 6-month call is due; set when the person is hired. */
	follow_up_due_at: string | null;
}

export interface VoiceMessageTable {
	application_id: string;
	mime_type: string;
	duration_seconds: number;
	data_base64: string;
}

export interface ApplicationEventTable {
	id: string;
	application_id: string;
	status: string;
	at: string;
	/** Staff's own note: staff see it, the applicant does not. */
	note: string | null;
	staff_id: string | null;
	public_note: string | null;
	details: string | null;
	/** The hire type (hired) or the follow-up's outcome (follow-up), for counting in SQL. */
	outcome: string | null;
	/** The application's municipality, copied onto each step so figures count from one index. */
	municipality_code: string;
}

export interface StaffTable {
	id: string;
	email: string;
	name: string;
	role: string;
	consultant_id: string | null;
	password_hash: string;
	disabled: number;
	created_at: string;
	/** 1: the one-time password must be replaced before any other staff page. */
	must_change_password: Generated<number>;
	/** The authenticator's secret, encrypted (two-factor.ts); null when not enrolled. */
	totp_secret: string | null;
	/** A secret shown for enrolment, not yet confirmed with a code. */
	totp_pending: string | null;
	/** The last 30-second step whose code was used: a code never works twice. */
	totp_last_step: number | string | null;
}

export interface StaffSessionTable {
	token_hash: string;
	staff_id: string;
	created_at: string;
	expires_at: string;
	/** Updated at most once a minute; an unused session ends after 30 minutes. */
	last_seen_at: string | null;
}

export interface StaffRecoveryCodeTable {
	code_hash: string;
	staff_id: string;
	used_at: string | null;
}

export interface StaffSignInStepTable {
	token_hash: string;
	staff_id: string;
	expires_at: string;
}

export interface AuditLogTable {
	id: string;
	at: string;
	staff_id: string | null;
	action: string;
	application_id: string | null;
	detail: string | null;
}

export interface SignInFailureTable {
	key_hash: string;
	at: string;
}

export interface SignInDeviceTable {
	token_hash: string;
	email_hash: string;
	created_at: string;
}

/**
 * How many steps of a kind happened in a municipality on a day (with a hire's type or a
 * follow-up's outcome, '' for none). Written with every step; the figures read these few
 * rows instead of every step, and they stay when a person's data is deleted.
 */
export interface FigureCountTable {
	status: string;
	municipality_code: string;
	/** YYYY-MM-DD (UTC), the day of the step. */
	day: string;
	outcome: string;
	n: number;
}

/** The same counts by month (YYYY-MM): a period's whole months are read from here. */
export interface FigureMonthTable {
	status: string;
	municipality_code: string;
	month: string;
	outcome: string;
	n: number;
}

/** Applications by status and municipality now; kept by triggers on applications. */
export interface StatusCountTable {
	status: string;
	municipality_code: string;
	n: number;
}

/** What is left of a withdrawn or erased application: nothing personal. */
export interface WithdrawalTable {
	/** The withdrawal's own id (from the device, or made for a staff erasure or retention). */
	id: string;
	/** SHA-256 of the status link's token, so the status page can say the application is gone. */
	token_hash: string;
	kind: 'withdrawn' | 'erased';
	at: string;
}

export interface Database {
	applications: ApplicationTable;
	voice_messages: VoiceMessageTable;
	application_events: ApplicationEventTable;
	staff: StaffTable;
	staff_sessions: StaffSessionTable;
	audit_log: AuditLogTable;
	municipalities: MunicipalityTable;
	consultants: ConsultantTable;
	job_types: JobTypeTable;
	tasks: TaskTable;
	job_type_tasks: JobTypeTaskTable;
	descriptions: DescriptionTable;
	description_tasks: DescriptionTaskTable;
	postings: PostingTable;
	posting_tasks: PostingTaskTable;
	meta: MetaTable;
	sign_in_failures: SignInFailureTable;
	sign_in_devices: SignInDeviceTable;
	figure_counts: FigureCountTable;
	figure_months: FigureMonthTable;
	status_counts: StatusCountTable;
	staff_recovery_codes: StaffRecoveryCodeTable;
	staff_sign_in_steps: StaffSignInStepTable;
	withdrawals: WithdrawalTable;
}
