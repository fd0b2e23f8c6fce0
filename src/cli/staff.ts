/**
 * Staff accounts from the command line:
 *   npm run staff -- add --email mette@klapjob.dk --role konsulent --consultant c01 [--name "Mette Holm"]
 *   npm run staff -- list
 * Prints a one-time password for a new account, once.
 */
import { parseArgs } from 'node:util';
import { database } from '$lib/server/db/instance';
import { createStaff, listStaff } from '$lib/server/auth/staff';
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
} else {
	console.error('Commands: add, list');
	process.exit(2);
}
await db.destroy();
