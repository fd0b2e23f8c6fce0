import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KlapjobDatabase } from '$lib/outbox/db';
import { endHelping, handOver, loadHelper, rememberHelper } from '$lib/shared-phone/device';
import { groupByLabel } from '$lib/shared-phone/groups';
import { withoutLabel } from '$lib/shared-phone/label';
import { labelSchema } from '$lib/shared-phone/label-schema';
import { applicationSchema } from '$lib/application/schema';
import { validApplication } from './fixtures';

const receipt = (id: string, label: string | null, sentAt = 1) => ({
	id,
	reference: `REF-${id}`,
	statusToken: `token-${id}-12345678901234567890`,
	status: 'received',
	postingTitle: null,
	sentAt,
	label
});

describe('a shared phone', () => {
	let db: KlapjobDatabase;
	beforeEach(() => {
		db = new KlapjobDatabase(`shared-${crypto.randomUUID()}`);
	});
	afterEach(async () => {
		db.close();
		await db.delete();
	});

	async function waiting(id: string, label: string) {
		const application = applicationSchema.parse(validApplication());
		await db.outbox.put({ id, application, postingTitle: null, state: 'waiting', attempts: 0, nextAttemptAt: 0, queuedAt: 2, label, handedOver: false });
	}

	test('the hand-over takes receipts, drafts and likes off the device; waiting applications stay, marked; the helper stays', async () => {
		await rememberHelper({ name: 'Hanne Hjælper', role: 'bosted', phone: '33445566' }, db);
		await db.receipts.bulkPut([receipt('a', 'Anna'), receipt('b', 'Bo')]);
		await db.drafts.put({ key: 'general', answers: { name: 'Carl', label: 'Carl' }, updatedAt: 1 });
		await db.profile.put({ id: 'me', jobTypes: ['retail'], likedTasks: [], savedAt: 1 });
		await waiting('w', 'Anna');

		await handOver(db);
		expect(await db.receipts.count()).toBe(0);
		expect(await db.drafts.count()).toBe(0);
		expect(await db.profile.count()).toBe(0);
		expect(await db.outbox.get('w')).toMatchObject({ label: 'Anna', handedOver: true });
		expect(await loadHelper(db)).toMatchObject({ name: 'Hanne Hjælper', phone: '33445566' });
	});

	test('"Jeg er færdig med at hjælpe" forgets the helper as well', async () => {
		await rememberHelper({ name: 'Hanne Hjælper', role: 'bosted', phone: '33445566' }, db);
		await db.receipts.put(receipt('a', 'Anna'));
		await endHelping(db);
		expect(await loadHelper(db)).toBeUndefined();
		expect(await db.receipts.count()).toBe(0);
	});

	test('version 3 and later label nothing that was on the phone before, and add the helper table', async () => {
		const name = `upgrade-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		old.version(1).stores({ drafts: 'key', outbox: 'id, state, nextAttemptAt', receipts: 'id, sentAt', postings: '[lang+id], lang', jobTypes: 'lang' });
		old.version(2).stores({ profile: 'id' });
		await old.table('receipts').put({ id: 'r', reference: 'KLT-1', statusToken: 't', status: 'received', postingTitle: null, sentAt: 1 });
		await old.table('outbox').put({ id: 'o', state: 'waiting', nextAttemptAt: 0, queuedAt: 0 });
		expect(old.verno).toBe(2);
		old.close();

		const upgraded = new KlapjobDatabase(name);
		try {
			expect(await upgraded.receipts.get('r')).toMatchObject({ reference: 'KLT-1', label: null });
			expect(await upgraded.outbox.get('o')).toMatchObject({ label: null, handedOver: false });
			expect(upgraded.verno).toBeGreaterThanOrEqual(3);
			expect(await upgraded.helper.count()).toBe(0);
		} finally {
			upgraded.close();
			await upgraded.delete();
		}
	});
});

describe('labels', () => {
	test.each([
		['Anna', true],
		['Værelse 4', true],
		['  Bo  ', true],
		['', false],
		['   ', false],
		['x'.repeat(30), true],
		['x'.repeat(31), false]
	])('"%s" is a label: %s', (label, ok) => {
		expect(labelSchema.safeParse(label).success).toBe(ok);
	});

	test('the label is taken off the answers before the application is checked and sent', () => {
		const { label, answers } = withoutLabel<{ name: string; label?: string }>({ name: 'Anna Andersen', label: ' Anna ' });
		expect(label).toBe('Anna');
		expect(answers).toEqual({ name: 'Anna Andersen' });
		expect(withoutLabel<{ name: string; label?: string }>({ name: 'X' }).label).toBeNull();
	});

	test('applications are grouped by label, the most recent person first', () => {
		const groups = groupByLabel([], [receipt('a1', 'Anna', 1), receipt('b1', 'Bo', 3), receipt('a2', 'Anna', 2), receipt('n', null, 0)]);
		expect(groups.map((group) => [group.label, group.receipts.map((r) => r.id)])).toEqual([
			['Bo', ['b1']],
			['Anna', ['a2', 'a1']],
			[null, ['n']]
		]);
	});
});
