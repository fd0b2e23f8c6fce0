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
		// Made on the phone a day ago: within the window the schema accepts, whenever the tests run.
		createdAt: new Date(Date.now() - 86_400_000).toISOString(),
		...overrides
	};
}

/** A recording as the browser's recorder makes it: the container's magic bytes, then about 2 kB a second. */
export function fakeVoice(
	seconds = 3,
	mimeType: 'audio/webm;codecs=opus' | 'audio/webm' | 'audio/mp4' | 'audio/ogg;codecs=opus' = 'audio/webm;codecs=opus'
) {
	const bytes = Buffer.alloc(Math.max(1200, seconds * 2000), 7);
	if (mimeType.startsWith('audio/webm')) Buffer.from([0x1a, 0x45, 0xdf, 0xa3]).copy(bytes, 0);
	if (mimeType === 'audio/mp4') Buffer.from('ftyp').copy(bytes, 4);
	if (mimeType.startsWith('audio/ogg')) Buffer.from('OggS').copy(bytes, 0);
	return { mimeType, durationSeconds: seconds, data: bytes.toString('base64') };
}
