import { JOB_TYPE_IDS } from '$lib/jobs/types';
import { UI_PICTURES } from '$lib/pictures';
import { ANSWER_YES_NO_UNKNOWN, CONTACT_METHODS, FLEKSJOB_CRITERIA, HELPER_ROLES, HOURS_CHOICES, WEEKDAYS } from './choices';
import type { ApplicationInput } from './schema';
import type { LabelAnswer } from '$lib/shared-phone/label';

/**
 * The questions of the application, as data: order, picture, text keys and answer
 * type. One component renders any step. A new question is one entry here and its
 * texts in the locales (form.<id>.question, form.<id>.help). When a helper fills in,
 * every text is looked up with the context "helper" first (form.<id>.question_helper):
 * a text that means the applicant then says "personen", never "du".
 */
export type StepKind = 'choice' | 'multi' | 'text' | 'phone' | 'municipality' | 'about' | 'consent';

export interface StepOption {
	value: string;
	/** i18n key of the option's words. */
	label: string;
	picture: string;
}

/** The saved answers of an application that is not for one posting. */
export const GENERAL_DRAFT = 'general';

export type Answers = Partial<ApplicationInput> & LabelAnswer;

export interface Step {
	/** Also the step's name in the URL (?trin=…). */
	id: string;
	kind: StepKind;
	/** Where the answer lives in the application, as a dotted path. */
	field: string;
	picture: string;
	options?: StepOption[];
	/** The step is asked only when this holds. */
	when?: Condition;
	/** May be left empty. */
	optional?: boolean;
}

/**
 * When a step is asked, as data: each named answer is one of `is`, or none of `not`.
 * As data, not as a function, so the form can also tell which steps may still come
 * while an answer is missing (see possibleSteps).
 */
export type Condition = Readonly<Record<string, { is: readonly string[] } | { not: readonly string[] }>>;

const ANSWER_PICTURES = { yes: UI_PICTURES.thumbsUp, no: UI_PICTURES.thumbsDown, unknown: UI_PICTURES.thinkingFace } as const;
const yesNoUnknown = (): StepOption[] =>
	ANSWER_YES_NO_UNKNOWN.map((value) => ({ value, label: `form.answers.${value}`, picture: ANSWER_PICTURES[value] }));

const HELPER_ROLE_PICTURES: Record<(typeof HELPER_ROLES)[number], string> = {
	bosted: UI_PICTURES.houseWithGarden,
	family: UI_PICTURES.bustsInSilhouette,
	teacher: UI_PICTURES.teacher,
	other: UI_PICTURES.bustInSilhouette
};
export const CONTACT_PICTURES: Record<(typeof CONTACT_METHODS)[number], string> = {
	call: UI_PICTURES.phone,
	sms: UI_PICTURES.mobilePhoneWithArrow,
	helper: UI_PICTURES.handshake
};
const CRITERION_PICTURES: Record<(typeof FLEKSJOB_CRITERIA)[number], string> = {
	stu: UI_PICTURES.graduationCap,
	ppr: UI_PICTURES.school,
	socialService: UI_PICTURES.houseWithGarden,
	workCapacity: UI_PICTURES.hourglassNotDone,
	partnerCompanies: UI_PICTURES.officeBuilding
};

const isHelper: Condition = { filledBy: { is: ['helper'] } };
const notOnPension: Condition = { pension: { not: ['yes'] } };

export const STEPS: Step[] = [
	{
		id: 'hvem',
		kind: 'choice',
		field: 'filledBy',
		picture: UI_PICTURES.apply,
		options: [
			{ value: 'self', label: 'form.hvem.self', picture: UI_PICTURES.personRaisingHand },
			{ value: 'helper', label: 'form.hvem.helper', picture: UI_PICTURES.handshake }
		]
	},
	{ id: 'hjaelper-navn', kind: 'text', field: 'helper.name', picture: UI_PICTURES.who, when: isHelper },
	{
		id: 'hjaelper-rolle',
		kind: 'choice',
		field: 'helper.role',
		picture: UI_PICTURES.handshake,
		when: isHelper,
		options: HELPER_ROLES.map((value) => ({
			value,
			label: `form.hjaelper-rolle.${value}`,
			picture: HELPER_ROLE_PICTURES[value]
		}))
	},
	{ id: 'hjaelper-telefon', kind: 'phone', field: 'helper.phone', picture: UI_PICTURES.mobilePhone, when: isHelper },
	// A shared phone: the helper's own name for the application, kept on the device only.
	{ id: 'kaldenavn', kind: 'text', field: 'label', picture: UI_PICTURES.label, when: isHelper },
	{ id: 'navn', kind: 'text', field: 'name', picture: UI_PICTURES.who },
	{
		id: 'kontakt',
		kind: 'choice',
		field: 'contactMethod',
		picture: UI_PICTURES.phone,
		options: CONTACT_METHODS.map((value) => ({
			value,
			label: `form.kontakt.${value}`,
			picture: CONTACT_PICTURES[value]
		}))
	},
	{
		id: 'telefon',
		kind: 'phone',
		field: 'phone',
		picture: UI_PICTURES.mobilePhone,
		when: { contactMethod: { not: ['helper'] } }
	},
	{ id: 'kommune', kind: 'municipality', field: 'municipality', picture: UI_PICTURES.map },
	{
		id: 'pension',
		kind: 'choice',
		field: 'pension',
		picture: UI_PICTURES.who,
		options: yesNoUnknown()
	},
	{
		id: 'fleksjob',
		kind: 'choice',
		field: 'fleksjob',
		picture: UI_PICTURES.jobTypes,
		options: yesNoUnknown(),
		when: notOnPension
	},
	...FLEKSJOB_CRITERIA.map(
		(criterion): Step => ({
			id: `fleksjob-${criterion}`,
			kind: 'choice',
			field: `fleksjobCriteria.${criterion}`,
			picture: CRITERION_PICTURES[criterion],
				options: yesNoUnknown(),
			when: { ...notOnPension, fleksjob: { is: ['yes'] } }
		})
	),
	{
		id: 'lide',
		kind: 'multi',
		field: 'likes',
		picture: UI_PICTURES.sparkles,
		optional: true,
		// Names and pictures of the job types come from the catalogue (the API) at render time.
		options: JOB_TYPE_IDS.map((value) => ({ value, label: value, picture: '' }))
	},
	{
		id: 'dage',
		kind: 'multi',
		field: 'days',
		picture: UI_PICTURES.spiralCalendar,
		optional: true,
		options: WEEKDAYS.map((value) => ({ value, label: `form.days.${value}`, picture: '' }))
	},
	{
		id: 'timer',
		kind: 'choice',
		field: 'hours',
		picture: UI_PICTURES.hours,
		options: HOURS_CHOICES.map((value) => ({
			value,
			label: `form.timer.${value}`,
			picture: value === 'unknown' ? UI_PICTURES.thinkingFace : UI_PICTURES.hours
		}))
	},
	{ id: 'om-dig', kind: 'about', field: 'aboutText', picture: UI_PICTURES.speechBalloon, optional: true },
	{ id: 'samtykke', kind: 'consent', field: 'consent', picture: UI_PICTURES.locked }
];

/** Whether the condition holds; an unanswered `is` holds only when `open` (it may still come true). */
function holds(condition: Condition, answers: Answers, open: boolean): boolean {
	return Object.entries(condition).every(([path, rule]) => {
		const value = getAnswer(answers, path);
		if ('not' in rule) return !rule.not.includes(value as string);
		return value === undefined ? open : rule.is.includes(value as string);
	});
}

/** The steps that apply to these answers, in order. */
export function activeSteps(answers: Answers): Step[] {
	return STEPS.filter((step) => !step.when || holds(step.when, answers, false));
}

/**
 * The steps asked, and those that may still be asked once the open questions are
 * answered. Answering only takes steps away from this list, never adds one, so
 * "Trin N af M" counted on it never moves the finish line away while a person goes on.
 */
export function possibleSteps(answers: Answers): Step[] {
	return STEPS.filter((step) => !step.when || holds(step.when, answers, true));
}

/** "Trin N af M" for a step: its place among the possible steps, and their number. */
export function progressOf(step: Step, answers: Answers): { current: number; total: number } {
	const possible = possibleSteps(answers);
	return { current: possible.indexOf(step) + 1, total: possible.length };
}

export function getAnswer(answers: Answers, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], answers);
}

/** A copy of the answers with one answer set (or removed when undefined). */
export function setAnswer(answers: Answers, path: string, value: unknown): Answers {
	const [head, ...rest] = path.split('.');
	if (!head) return answers;
	const copy: Record<string, unknown> = { ...answers };
	if (rest.length === 0) {
		if (value === undefined) delete copy[head];
		else copy[head] = value;
	} else {
		copy[head] = setAnswer((copy[head] as Answers) ?? {}, rest.join('.'), value);
	}
	return copy as Answers;
}

/** The step of a field path the server complained about (e.g. "helper.phone"). */
export function stepForField(path: string): Step | undefined {
	return STEPS.find((step) => path === step.field || path.startsWith(`${step.field}.`)) ??
		STEPS.find((step) => step.field.startsWith(`${path}.`));
}
