/**
 * On a shared phone the helper gives each application a label of her own choosing
 * ("Anna", "Værelse 4"), so she can tell whose is whose. It stays on the device
 * until the hand-over and is never sent: it is not part of the application.
 */
export const LABEL_MAX_LENGTH = 30;

/** The form's answers may carry the label beside the application's own answers. */
export interface LabelAnswer {
	label?: string;
}

/** The answers without the label: what the application schema checks and the server gets. */
export function withoutLabel<T extends LabelAnswer>(answers: T): { label: string | null; answers: Omit<T, 'label'> } {
	const { label, ...rest } = answers;
	const trimmed = label?.trim();
	return { label: trimmed ? trimmed : null, answers: rest };
}
