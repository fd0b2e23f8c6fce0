import pg from 'pg';

/**
 * A fresh PostgreSQL database on the server `serverUrl` names, for one test run or bench,
 * and the way to drop it again (even while a killed app still holds connections).
 */
export async function scratchPostgres(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `${prefix}_${process.pid}_${Date.now()}`;
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			await client.query(statement);
		} finally {
			await client.end();
		}
	};
	// A pool's end() returns before its sockets have closed: give them a moment to go,
	// so FORCE only ends connections that a killed app left behind.
	const connectionsLeft = async () => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			const result = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
			return (result.rows[0] as { n: number }).n;
		} finally {
			await client.end();
		}
	};
	const drop = async () => {
		for (let tries = 0; tries < 20 && (await connectionsLeft()) > 0; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	};
	await admin(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return { url: url.toString(), drop };
}
