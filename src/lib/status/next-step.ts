import type { TFunction } from 'i18next';
import { CONTACT_METHODS } from '$lib/application/choices';
import { STATUSES, type Status } from '$lib/staff/path';

export type ContactMethod = (typeof CONTACT_METHODS)[number];
type Within = 'oneWeek' | 'twoWeeks' | 'oneMonth' | 'fourWeeks' | 'sixMonths';

interface Plan {
	/** Someone from KLAPjob gets in touch, in the person's chosen way. */
	contact: boolean;
	/** Roughly when the next thing happens; null when nothing is planned. */
	within: Within | null;
	/** Outside the target group: the jobcentre is the one to call. */
	jobcentre?: boolean;
}

/**
 * What happens after each status of the path (`$lib/staff/path`), and roughly when.
 * The times are the promises KLAPjob makes to applicants; change them here.
 */
const PLANS: Record<Status, Plan> = {
	received: { contact: true, within: 'twoWeeks' },
	'more-info': { contact: true, within: 'oneWeek' },
	screened: { contact: true, within: 'twoWeeks' },
	conversation: { contact: true, within: 'oneMonth' },
	internship: { contact: true, within: 'fourWeeks' },
	hired: { contact: false, within: 'sixMonths' },
	'follow-up': { contact: false, within: null },
	'outside-target-group': { contact: false, within: null, jobcentre: true },
	closed: { contact: false, within: null }
};

/** The text keys of the next step: the same for the server's answer and the helper's screens. */
export interface NextStepKeys {
	status: Status;
	what: string;
	contact: string | null;
	within: string | null;
	call: string;
}

export function isContactMethod(value: unknown): value is ContactMethod {
	return CONTACT_METHODS.includes(value as ContactMethod);
}

/** The next step after `status` for a person who wants to be contacted by `contactMethod`; null for an unknown status. */
export function nextStepKeys(status: string, contactMethod: ContactMethod): NextStepKeys | null {
	if (!STATUSES.includes(status as Status)) return null;
	const plan = PLANS[status as Status];
	return {
		status: status as Status,
		what: `nextStep.what.${status}`,
		contact: plan.contact ? `nextStep.contact.${contactMethod}` : null,
		within: plan.within ? `nextStep.within.${plan.within}` : null,
		call: plan.jobcentre ? 'nextStep.call.jobcentre' : 'nextStep.call.consultant'
	};
}

export interface Consultant {
	firstName: string;
	phone: string;
}

/** The next step in words: what the status API answers and the pages show. */
export interface NextStep {
	status: Status;
	/** What happens next, in easy words. */
	text: string;
	/** Who gets in touch, how and roughly when, e.g. "Mette sender en SMS til dig inden for 2 uger." */
	contactText: string | null;
	/** Roughly when, e.g. "inden for 2 uger"; null when nothing is planned. */
	when: string | null;
	/** Whom to call with questions. */
	callText: string;
	contactMethod: ContactMethod;
	consultant: Consultant;
}

/**
 * The next step in the person's language. `helper` speaks to the one who helped
 * ("personen"), as on the helper's own screens; without it, to the applicant ("du").
 */
export function describeNextStep(
	t: TFunction,
	status: string,
	contactMethod: ContactMethod,
	consultant: Consultant,
	options: { helper?: boolean } = {}
): NextStep | null {
	const keys = nextStepKeys(status, contactMethod);
	if (!keys) return null;
	const context = options.helper ? { context: 'helper' } : {};
	const name = consultant.firstName;
	const when = keys.within ? t(keys.within) : null;
	return {
		status: keys.status,
		text: t(keys.what, { ...context, name }),
		contactText: keys.contact ? t(keys.contact, { ...context, name, when: when ?? '' }) : null,
		when,
		callText: t(keys.call, { name }),
		contactMethod,
		consultant
	};
}
