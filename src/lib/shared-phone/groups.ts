import type { OutboxItem, Receipt } from '$lib/outbox/db';

export interface LabelGroup {
	/** The helper's label; null for applications without one. */
	label: string | null;
	items: OutboxItem[];
	receipts: Receipt[];
}

/** Applications by the helper's label, the most recent person first: "Ansøgninger for Anna". */
export function groupByLabel(items: OutboxItem[], receipts: Receipt[]): LabelGroup[] {
	const entries = [
		...items.map((item) => ({ at: item.queuedAt, label: item.label ?? null, item })),
		...receipts.map((receipt) => ({ at: receipt.sentAt, label: receipt.label ?? null, receipt }))
	].sort((a, b) => b.at - a.at);
	const groups = new Map<string | null, LabelGroup>();
	for (const entry of entries) {
		let group = groups.get(entry.label);
		if (!group) groups.set(entry.label, (group = { label: entry.label, items: [], receipts: [] }));
		if ('item' in entry) group.items.push(entry.item);
		else group.receipts.push(entry.receipt);
	}
	return [...groups.values()];
}
