import { expressionBuilder, sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { municipalities } from '$lib/jobs/municipalities';

/** The tables whose consultant_id says whose municipality a row belongs to. */
type ScopedTable = 'applications' | 'municipalities';

/**
 * Which municipalities a staff member may see, as a condition on `table`: a consultant only
 * their own, the secretariat all (null: no condition). Every staff list and count keeps to it.
 */
export function scopeCondition(staff: StaffMember, table: ScopedTable, { unindexed = false } = {}): Expression<SqlBool> | null {
	if (staff.role !== 'konsulent') return null;
	const eb = expressionBuilder<Database, ScopedTable>();
	const column = sql.ref(`${table}.consultant_id`);
	// SQLite: `+column` keeps the column out of the planner's choice of index (see queue.ts).
	return eb(unindexed ? sql`+${column}` : column, '=', staff.consultantId ?? '');
}

/** The query kept to the staff member's municipalities, by `table`'s consultant. */
export function inScope<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>, staff: StaffMember, table: TB & ScopedTable): SelectQueryBuilder<Database, TB, O> {
	const condition = scopeCondition(staff, table);
	return condition ? query.where(condition) : query;
}

/** The municipalities a staff member may filter by, in the list's order. */
export async function municipalityChoices(db: Kysely<Database>, staff: StaffMember): Promise<{ code: string; name: string }[]> {
	const own =
		staff.role === 'konsulent'
			? new Set((await inScope(db.selectFrom('municipalities').select('code'), staff, 'municipalities').execute()).map((m) => m.code))
			: null;
	return municipalities.filter((m) => !own || own.has(m.code)).map((m) => ({ code: m.code, name: m.name }));
}
