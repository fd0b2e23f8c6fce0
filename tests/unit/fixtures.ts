import { randomUUID } from 'node:crypto';
import type { ApplicationInput } from '$lib/application/schema';

/** A complete application as a person on førtidspension would send it. */
export function validApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
	return {
		id: randomUUID(),
		postingId: 'p0001',
		filledBy: 'self',
		name: 'Testperson Hansen',
		contactMethod: 'sms',
		phone: '21 43 65 87',
		municipality: '330',
		pension: 'yes',
		fleksjob: 'no',
		likes: ['retail', 'hospitality'],
		days: ['mon', 'wed'],
		hours: '5-10',
		consent: true,
		language: 'da',
		createdAt: '2026-11-24T10:00:00.000Z',
		...overrides
	};
}
