import { randomUUID } from 'node:crypto';

/** A complete, valid application as the API takes it (what the form would send). */
export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: randomUUID(),
		postingId: 'p0001',
		filledBy: 'self',
		name: 'Test Hansen',
		contactMethod: 'call',
		phone: '22334455',
		municipality: '330',
		pension: 'yes',
		likes: ['retail'],
		days: ['mon'],
		hours: '5-10',
		consent: true,
		language: 'da',
		createdAt: new Date().toISOString(),
		...overrides
	};
}
