/**
 * Takes in work that arrives together as one batch. SQLite writes one transaction at a
 * time, and each commit waits for an fsync with the server's one thread blocked; under
 * load that wait was the largest single cost of an application (PROFILE.md). Items that
 * arrive while a batch is being written wait for the next one: one transaction, one
 * fsync, and every item is answered only after its batch has committed.
 */
export class GroupCommit<T, R> {
	#waiting: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
	#running = false;

	constructor(
		private readonly runBatch: (items: T[]) => Promise<R[]>,
		/** Used when a batch fails, so one bad item cannot fail the others. */
		private readonly runOne: (item: T) => Promise<R>,
		private readonly maxBatch = 64
	) {}

	submit(item: T): Promise<R> {
		return new Promise<R>((resolve, reject) => {
			this.#waiting.push({ item, resolve, reject });
			if (!this.#running) void this.#run();
		});
	}

	async #run(): Promise<void> {
		this.#running = true;
		// Let the requests that are already read in this turn join the first batch.
		await new Promise((resolve) => setImmediate(resolve));
		while (this.#waiting.length > 0) {
			const batch = this.#waiting.splice(0, this.maxBatch);
			try {
				const results = await this.runBatch(batch.map((entry) => entry.item));
				batch.forEach((entry, index) => entry.resolve(results[index]!));
			} catch {
				for (const entry of batch) await this.runOne(entry.item).then(entry.resolve, entry.reject);
			}
		}
		this.#running = false;
	}
}
