/**
 * Staff accounts from the command line:
 *   npm run staff -- add --email mette@klapjob.dk --role konsulent --consultant c01 [--name "Mette Holm"]
 *   npm run staff -- list
 *   npm run staff -- reset-two-factor --email anna@klapjob.dk   (a locked-out account enrols again at its next sign-in)
 * Prints a one-time password for a new account, once.
 */
import { parseArgs } from 'node:util';
import { database } from '$lib/server/db/instance';
import { createStaff, listStaff, staffIdForEmail } from '$lib/server/auth/staff';
import { resetTwoFactor } from '$lib/server/auth/two-factor';
import { audit } from '$lib/server/audit';
import { ROLES, type Role } from '$lib/staff/roles';

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		role: { type: 'string' },
		name: { type: 'string' },
		consultant: { type: 'string' }
	}
});

const { db } = await database();
const command = positionals[0];

if (command === 'add') {
	const role = values.role as Role;
	if (!values.email || !ROLES.includes(role)) {
		console.error(`Usage: npm run staff -- add --email EMAIL --role ${ROLES.join('|')} [--consultant ID] [--name NAME]`);
		process.exit(2);
	}
	if (role === 'konsulent' && !values.consultant) {
		console.error('A konsulent account needs --consultant (the consultant id, e.g. c01).');
		process.exit(2);
	}
	const { staff, password } = await createStaff(db, {
		email: values.email,
		name: values.name ?? values.email,
		role,
		consultantId: values.consultant
	});
	await audit(db, { staffId: null, action: 'create-account-cli', detail: `${staff.id} ${staff.role}` });
	console.log(`Created ${staff.email} (${staff.role}). One-time password: ${password}`);
} else if (command === 'list') {
	for (const account of await listStaff(db)) {
		console.log(`${account.email}\t${account.role}\t${account.disabled ? 'disabled' : 'active'}`);
	}
} else if (command === 'reset-two-factor') {
	const id = values.email ? await staffIdForEmail(db, values.email) : null;
	if (!id) {
		console.error('Usage: npm run staff -- reset-two-factor --email EMAIL (an existing account)');
		process.exit(2);
	}
	await resetTwoFactor(db, id);
	await audit(db, { staffId: null, action: 'reset-two-factor-cli', detail: id });
	console.log(`Two-factor is off for ${values.email!.trim().toLowerCase()}; it enrols again at its next sign-in.`);
} else {
	console.error('Commands: add, list, reset-two-factor');
	process.exit(2);
}
await db.destroy();
