/**
 * Lineage in storage: clauses and their cells, rebuilt from the stored
 * comparisons of consecutive members whenever a member changed, and read back
 * with plain queries (lineage, new language).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { StructuredDiff } from "../../core/diff/index.ts";
import { NotFoundError } from "../../core/errors.ts";
import { type Lineage, lineage } from "../../core/lineage/index.ts";
import type { Paragraph } from "../../core/model.ts";
import {
	clauseCells,
	clauses,
	comparisons,
	paragraphs,
	resolutions,
	series,
} from "../schema/index.ts";
import type { Db, Queryable } from "../types.ts";
import { computeAndStore, loadStoredDiffs } from "./comparisons.ts";
import { loadResolutions, seriesMemberRows, toParagraph } from "./resolutions.ts";

/** Recomputes a series' clauses from its stored consecutive comparisons (computing any that are missing). */
export async function rebuildLineage(db: Db, seriesId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`select id from ${series} where ${series.id} = ${seriesId} for update`);
		const members = await seriesMemberRows(tx, seriesId);
		const loaded = await loadResolutions(
			tx,
			members.map((m) => m.id),
		);
		const pairs = loaded.slice(1).map((to, k) => ({ from: loaded[k] ?? to, to }));
		const stored = await loadStoredDiffs(tx, pairs);
		const diffs: StructuredDiff[] = [];
		for (const p of pairs) {
			diffs.push(
				stored.get(`${p.from.row.id}:${p.to.row.id}`) ??
					(await computeAndStore(tx, p.from, p.to, true)),
			);
		}
		const result = lineage(
			loaded.map((l) => l.resolution),
			diffs,
		);
		await tx.delete(clauses).where(eq(clauses.seriesId, seriesId));
		const clauseRows = result.clauses.map((c, position) => ({
			seriesId,
			position,
			firstResolutionId: loaded[c.first]?.row.id ?? 0,
		}));
		const ids: number[] = [];
		for (let i = 0; i < clauseRows.length; i += 1000) {
			const inserted = await tx
				.insert(clauses)
				.values(clauseRows.slice(i, i + 1000))
				.returning({ id: clauses.id });
			ids.push(...inserted.map((r) => r.id));
		}
		const paragraphId = loaded.map((l) => new Map(l.paragraphRows.map((p) => [p.ref, p.id])));
		const cells = result.clauses.flatMap((c, i) =>
			c.cells.flatMap((cell, member) => {
				const pid = cell ? paragraphId[member]?.get(cell.ref) : undefined;
				const rid = loaded[member]?.row.id;
				const clauseId = ids[i];
				if (!cell || pid === undefined || rid === undefined || clauseId === undefined) return [];
				return [
					{
						clauseId,
						resolutionId: rid,
						paragraphId: pid,
						status: cell.status,
						moved: cell.moved,
						shift: cell.shift,
						routine: cell.routine,
					},
				];
			}),
		);
		for (let i = 0; i < cells.length; i += 1000)
			await tx.insert(clauseCells).values(cells.slice(i, i + 1000));
		await tx.update(series).set({ lineageStale: false }).where(eq(series.id, seriesId));
	});
}

/** Rebuilds a series' clauses if a member changed since they were built. */
export async function ensureLineage(db: Db, seriesId: string): Promise<void> {
	const [row] = await db
		.select({ stale: series.lineageStale })
		.from(series)
		.where(eq(series.id, seriesId));
	if (row?.stale) await rebuildLineage(db, seriesId);
}

/** A stretch of a series' members, by symbol; either end may be left open. */
export interface MemberWindow {
	readonly from?: string | undefined;
	readonly to?: string | undefined;
}

/**
 * The lineage of a series, read from its stored clauses: the whole series, or
 * the clauses present in a window of members (a long series has thousands).
 */
export async function readLineage(
	db: Db,
	seriesId: string,
	window: MemberWindow = {},
): Promise<Lineage> {
	await ensureLineage(db, seriesId);
	const all = await seriesMemberRows(db, seriesId);
	const start = window.from ? all.findIndex((m) => m.symbol === window.from) : 0;
	const end = window.to ? all.findIndex((m) => m.symbol === window.to) : all.length - 1;
	if (start < 0 || end < 0 || end < start) {
		const known = all.map((m) => m.symbol);
		const missing = [window.from, window.to].filter((s) => s && !known.includes(s));
		throw new NotFoundError(
			"member",
			missing.join(", ") || `${window.from}..${window.to}`,
			missing.length
				? `${missing.join(" and ")} is not a stored member of ${seriesId}`
				: `the window ${window.from} .. ${window.to} runs backwards`,
			known,
		);
	}
	const members = all.slice(start, end + 1);
	const memberIndex = new Map(members.map((m, i) => [m.id, i]));
	const allIndex = new Map(all.map((m, i) => [m.id, i]));
	const windowIds = members.map((m) => m.id).concat(-1);
	const cells = await db
		.select({
			clauseId: clauseCells.clauseId,
			resolutionId: clauseCells.resolutionId,
			status: clauseCells.status,
			moved: clauseCells.moved,
			shift: clauseCells.shift,
			routine: clauseCells.routine,
			ref: paragraphs.ref,
			kind: paragraphs.kind,
		})
		.from(clauseCells)
		.innerJoin(clauses, eq(clauses.id, clauseCells.clauseId))
		.innerJoin(paragraphs, eq(paragraphs.id, clauseCells.paragraphId))
		.where(and(eq(clauses.seriesId, seriesId), inArray(clauseCells.resolutionId, windowIds)));
	const byClause = new Map<number, typeof cells>();
	for (const c of cells) {
		const list = byClause.get(c.clauseId) ?? [];
		list.push(c);
		byClause.set(c.clauseId, list);
	}
	const rows = await db
		.select()
		.from(clauses)
		.where(
			and(eq(clauses.seriesId, seriesId), inArray(clauses.id, [...byClause.keys()].concat(-1))),
		)
		.orderBy(asc(clauses.position));
	const pairs = await db
		.select({ fromId: comparisons.fromId, toId: comparisons.toId, summary: comparisons.summary })
		.from(comparisons)
		.where(and(eq(comparisons.consecutive, true), inArray(comparisons.fromId, windowIds)));
	const side = (m: (typeof all)[number] | undefined) => ({
		symbol: m?.symbol ?? null,
		title: m?.title ?? null,
		date: m?.adopted ?? null,
	});
	return {
		members: members.map(side),
		pairs: members.slice(1).flatMap((to, k) => {
			const from = members[k];
			const p = pairs.find((x) => x.fromId === from?.id && x.toId === to.id);
			return p ? [{ from: side(from), to: side(to), summary: p.summary }] : [];
		}),
		clauses: rows.map((r) => {
			const line = new Array<Lineage["clauses"][number]["cells"][number]>(members.length).fill(
				null,
			);
			for (const c of byClause.get(r.id) ?? []) {
				const k = memberIndex.get(c.resolutionId);
				if (k !== undefined) {
					line[k] = {
						ref: c.ref,
						kind: c.kind,
						status: c.status,
						moved: c.moved,
						shift: c.shift,
						routine: c.routine,
					};
				}
			}
			const first = (allIndex.get(r.firstResolutionId) ?? 0) - start;
			return {
				id: `c${r.position + 1}`,
				first: first < 0 ? -1 : first,
				since: all[allIndex.get(r.firstResolutionId) ?? -1]?.symbol ?? null,
				cells: line,
			};
		}),
	};
}

/** Paragraphs of a member whose language no earlier member of its series used. */
export async function readNewLanguage(
	db: Db,
	seriesId: string,
	resolutionId: number,
): Promise<{ preambular: Paragraph[]; operative: Paragraph[] }> {
	await ensureLineage(db, seriesId);
	const rows = await db
		.select({ paragraph: paragraphs })
		.from(clauseCells)
		.innerJoin(clauses, eq(clauses.id, clauseCells.clauseId))
		.innerJoin(paragraphs, eq(paragraphs.id, clauseCells.paragraphId))
		.where(
			and(
				eq(clauseCells.resolutionId, resolutionId),
				eq(clauseCells.status, "new"),
				eq(clauses.firstResolutionId, resolutionId),
			),
		)
		.orderBy(asc(paragraphs.position));
	const list = rows.map((r) => toParagraph(r.paragraph));
	return {
		preambular: list.filter((p) => p.kind === "preambular"),
		operative: list.filter((p) => p.kind === "operative"),
	};
}

/** Which member first used each paragraph's language, for the given paragraphs. */
export async function firstAppearances(
	db: Queryable,
	paragraphIds: readonly number[],
): Promise<Map<number, string>> {
	if (paragraphIds.length === 0) return new Map();
	const rows = await db
		.select({
			paragraphId: clauseCells.paragraphId,
			symbol: resolutions.symbol,
			adopted: resolutions.adopted,
		})
		.from(clauseCells)
		.innerJoin(clauses, eq(clauses.id, clauseCells.clauseId))
		.innerJoin(resolutions, eq(resolutions.id, clauses.firstResolutionId))
		.where(inArray(clauseCells.paragraphId, [...paragraphIds]));
	// A paragraph merged from several clauses carries the oldest language among them.
	const best = new Map<number, { symbol: string; adopted: string }>();
	for (const r of rows) {
		const seen = best.get(r.paragraphId);
		const adopted = r.adopted ?? "";
		if (!seen || adopted < seen.adopted) best.set(r.paragraphId, { symbol: r.symbol, adopted });
	}
	return new Map([...best].map(([id, v]) => [id, v.symbol]));
}
