import '$lib/zod-config';
import { z } from 'zod';

/** The secret of a status link (newStatusToken: 24 random bytes, base64url). */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/**
 * The person's withdrawal of an application, as the device's outbox keeps it and the
 * API takes it: its own id (sent once, like an application) and the status link's token.
 * Messages are i18n keys.
 */
export const withdrawalSchema = z.strictObject(
	{
		id: z.uuid({ message: 'errors.withdrawalId' }),
		token: z.string({ message: 'errors.statusToken' }).regex(STATUS_TOKEN_PATTERN, { message: 'errors.statusToken' })
	},
	{ message: 'errors.invalid' }
);

export type Withdrawal = z.infer<typeof withdrawalSchema>;
