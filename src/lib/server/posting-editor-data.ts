import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { catalogueForForm } from './postings-admin';
import { listJobTypes } from './jobs';
import { pictureUrl } from '$lib/pictures';
import { inScope } from './scope';

/** What the posting editor needs: the catalogue, the municipalities this person may post in, and who answers the phone there. */
export async function postingEditorData(db: Kysely<Database>, staff: StaffMember) {
	const municipalitiesQuery = inScope(
		db
			.selectFrom('municipalities')
			.innerJoin('consultants', 'consultants.id', 'municipalities.consultant_id')
			.select(['municipalities.code', 'municipalities.name', 'municipalities.region', 'consultants.first_name', 'consultants.phone']),
		staff,
		'municipalities'
	);
	const [catalogue, municipalities, jobTypes] = await Promise.all([
		catalogueForForm(db),
		municipalitiesQuery.orderBy('municipalities.name').execute(),
		listJobTypes(db, 'da')
	]);
	return {
		catalogue: { ...catalogue, tasks: catalogue.tasks.map((task) => ({ ...task, picture: pictureUrl(task.picture) })) },
		municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, region: m.region, consultant: { firstName: m.first_name, phone: m.phone } })),
		jobTypes
	};
}
