import { describe, expect, test } from 'vitest';
import { backends, useSeededDatabase } from './backends';
import { createStaff } from '$lib/server/auth/staff';
import { defaultLimits, failureRows, signIn, type SignInLimits } from '$lib/server/auth/sign-in-limit';

const limits: SignInLimits = { ...defaultLimits, perAddress: 20 };
const PASSWORD = 'a long enough password';
let accounts = 0;

for (const backend of backends) {
	describe(`staff sign-in limits (${backend.name})`, () => {
		const database = useSeededDatabase(backend);
		const account = async () => {
			const email = `limit${++accounts}@klapjob.dk`;
			await createStaff(database().db, { email, name: 'Sekretær', role: 'sekretariat', password: PASSWORD });
			return email;
		};
		const tryIn = (email: string, password: string, address: string, deviceToken?: string) =>
			signIn(database().db, { email, password, address, deviceToken }, limits);

		test('successful sign-ins are not counted: many devices never lock the holder out', async () => {
			const email = await account();
			for (let i = 0; i < 8; i++) expect((await tryIn(email, PASSWORD, `10.1.0.${i % 2}`)).kind).toBe('signed-in');
			expect((await tryIn(email, 'wrong', '10.1.0.9')).kind).toBe('failed');
		});

		test('wrong passwords elsewhere never stop the right one from the holder\'s own device', async () => {
			const email = await account();
			const first = await tryIn(email, PASSWORD, '10.2.0.1');
			if (first.kind !== 'signed-in') throw new Error('expected a sign-in');
			for (let i = 0; i < 10; i++) await tryIn(email, 'wrong', '10.2.0.66');
			// The account is closed to everyone else…
			expect((await tryIn(email, PASSWORD, '10.2.0.2')).kind).toBe('limited');
			// …but not to the device that signed in before, from another address.
			expect((await tryIn(email, PASSWORD, '10.2.0.1', first.deviceToken)).kind).toBe('signed-in');
			// Another account's device cookie is of no help.
			const other = await account();
			expect((await tryIn(other, PASSWORD, '10.2.0.3')).kind).toBe('signed-in');
			const stranger = await tryIn(other, PASSWORD, '10.2.0.3');
			if (stranger.kind !== 'signed-in') throw new Error('expected a sign-in');
			expect((await tryIn(email, PASSWORD, '10.2.0.3', stranger.deviceToken)).kind).toBe('limited');
			// A device has its own allowance: its own wrong guesses still stop it.
			for (let i = 0; i < 5; i++) expect((await tryIn(email, 'wrong', '10.2.0.1', first.deviceToken)).kind).toBe('failed');
			expect((await tryIn(email, PASSWORD, '10.2.0.1', first.deviceToken)).kind).toBe('limited');
		});

		test('an address already blocked adds no rows', async () => {
			const address = '10.3.0.1';
			for (let i = 0; i < 20; i++) await tryIn(`nobody${i}@klapjob.dk`, 'wrong', address);
			const before = await failureRows(database().db);
			for (let i = 0; i < 30; i++) expect((await tryIn(`other${i}@klapjob.dk`, 'wrong', address)).kind).toBe('limited');
			expect(await failureRows(database().db)).toBe(before);
		});

		test('memory stays small over 200 tries with 400 kB e-mails from a blocked address', async () => {
			const address = '10.4.0.1';
			for (let i = 0; i < 20; i++) await tryIn(`x${i}@klapjob.dk`, 'wrong', address);
			const gc = (globalThis as { gc?: () => void }).gc;
			gc?.();
			const before = process.memoryUsage().heapUsed;
			const rowsBefore = await failureRows(database().db);
			const kinds = new Set<string>();
			for (let i = 0; i < 200; i++) kinds.add((await tryIn(`${i}${'a'.repeat(400_000)}@klapjob.dk`, 'wrong', address)).kind);
			gc?.();
			const grownMb = (process.memoryUsage().heapUsed - before) / 1e6;
			console.info(`heap grew ${grownMb.toFixed(1)} MB over 200 tries (gc ${gc ? 'on' : 'off'})`);
			expect(grownMb).toBeLessThan(gc ? 5 : 40);
			expect([...kinds]).toEqual(['too-long']);
			expect(await failureRows(database().db)).toBe(rowsBefore);
		});

		test('an e-mail of the longest allowed length is counted like any other', async () => {
			const long = `${'b'.repeat(240)}@klapjob.dk`;
			expect(long.length).toBeLessThanOrEqual(254);
			expect((await tryIn(long, 'wrong', '10.5.0.1')).kind).toBe('failed');
		});
	});
}
