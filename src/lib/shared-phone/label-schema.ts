import '$lib/zod-config';
import { z } from 'zod';
import { LABEL_MAX_LENGTH } from './label';

/** The label a helper types, checked as the form checks any answer. */
export const labelSchema = z
	.string({ message: 'errors.name' })
	.trim()
	.min(1, { message: 'errors.name' })
	.max(LABEL_MAX_LENGTH, { message: 'errors.labelTooLong' });
