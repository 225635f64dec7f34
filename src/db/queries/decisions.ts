/**
 * Reviewers' decisions on stored member pairs. A decision holds while both
 * texts are the ones it was made on: the comparison honours it, and
 * re-importing the same texts keeps it. When a text changes, the decisions
 * made on the old one are dropped, and the import says which.
 */
import { and, eq, or } from "drizzle-orm";
import type { PairingDecision } from "../../core/diff/schema.ts";
import { decisions } from "../schema/index.ts";
import type { Queryable } from "../types.ts";

export type DecisionRow = typeof decisions.$inferSelect;

/** A stored resolution as far as decisions care: its symbol and its text's hash. */
export interface DecidedText {
	readonly symbol: string;
	readonly sha256: string;
}

export function asDecision(row: DecisionRow): PairingDecision {
	return { action: row.action, from: row.fromRefs, to: row.toRefs };
}

/** Decisions for a pair, oldest first, whether or not they still hold. */
export async function listDecisions(
	db: Queryable,
	fromSymbol: string,
	toSymbol: string,
): Promise<DecisionRow[]> {
	return db
		.select()
		.from(decisions)
		.where(and(eq(decisions.fromSymbol, fromSymbol), eq(decisions.toSymbol, toSymbol)))
		.orderBy(decisions.id);
}

/** The decisions that hold for these two texts as stored now. */
export async function decisionsFor(
	db: Queryable,
	from: DecidedText,
	to: DecidedText,
): Promise<DecisionRow[]> {
	const rows = await listDecisions(db, from.symbol, to.symbol);
	return rows.filter((r) => r.fromSha256 === from.sha256 && r.toSha256 === to.sha256);
}

/**
 * Stores a decision. Earlier decisions on the same pair that name any of its
 * paragraphs give way to it: the newest word of a reviewer stands.
 */
export async function insertDecision(
	db: Queryable,
	from: DecidedText,
	to: DecidedText,
	decision: PairingDecision & { readonly note?: string | null },
): Promise<{ readonly row: DecisionRow; readonly replaced: DecisionRow[] }> {
	const earlier = await decisionsFor(db, from, to);
	const overlaps = (r: DecisionRow) =>
		r.fromRefs.some((x) => decision.from.includes(x)) ||
		r.toRefs.some((x) => decision.to.includes(x));
	const replaced = earlier.filter(overlaps);
	for (const r of replaced) await db.delete(decisions).where(eq(decisions.id, r.id));
	const [row] = await db
		.insert(decisions)
		.values({
			fromSymbol: from.symbol,
			toSymbol: to.symbol,
			action: decision.action,
			fromRefs: [...decision.from],
			toRefs: [...decision.to],
			fromSha256: from.sha256,
			toSha256: to.sha256,
			note: decision.note ?? null,
		})
		.returning();
	if (!row) throw new Error("insert returned no row");
	return { row, replaced };
}

export async function findDecision(db: Queryable, id: number): Promise<DecisionRow | undefined> {
	const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
	return row;
}

export async function deleteDecision(db: Queryable, id: number): Promise<void> {
	await db.delete(decisions).where(eq(decisions.id, id));
}

/** Drops the decisions made on another text of `symbol` than `sha256`, and returns them. */
export async function dropStaleDecisions(
	db: Queryable,
	symbol: string,
	sha256: string,
): Promise<DecisionRow[]> {
	const rows = await db
		.select()
		.from(decisions)
		.where(or(eq(decisions.fromSymbol, symbol), eq(decisions.toSymbol, symbol)));
	const stale = rows.filter(
		(r) =>
			(r.fromSymbol === symbol && r.fromSha256 !== sha256) ||
			(r.toSymbol === symbol && r.toSha256 !== sha256),
	);
	for (const r of stale) await db.delete(decisions).where(eq(decisions.id, r.id));
	return stale;
}
