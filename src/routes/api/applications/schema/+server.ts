import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { applicationSchema } from '$lib/application/schema';

// The JSON Schema of what POST /api/applications accepts, made by zod from the one schema.
const jsonSchema = {
	...z.toJSONSchema(applicationSchema, { io: 'input', unrepresentable: 'any' }),
	title: 'KLAPjob application',
	description:
		'POST /api/applications with header Idempotency-Key equal to "id". Answers 201 (new) or 200 (repeat) with { reference, statusToken, status }.'
};

export const GET: RequestHandler = () =>
	json(jsonSchema, { headers: { 'cache-control': 'public, max-age=3600' } });
