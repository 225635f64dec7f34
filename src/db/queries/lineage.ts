/**
 * Lineage in storage: clauses and their cells, rebuilt from the stored
 * comparisons of consecutive members whenever a member changed, and read back
 * with plain queries (lineage, new language).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { StructuredDiff } from "../../core/diff/index.ts";
import { NotFoundError } from "../../core/errors.ts";
import {
	extendLineage,
	type Lineage,
	type LineageState,
	type StepCell,
	startLineage,
} from "../../core/lineage/index.ts";
import type { Paragraph } from "../../core/model.ts";
import {
	clauseCells,
	clauses,
	comparisons,
	lineageOrders,
	paragraphs,
	resolutions,
	series,
} from "../schema/index.ts";
import type { Db, Queryable } from "../types.ts";
import { computeAndStore, loadStoredDiffs } from "./comparisons.ts";
import { loadResolutions, type MemberRow, seriesMemberRows, toParagraph } from "./resolutions.ts";

/** A list of ids as one parameter (drizzle would spread an array into a list of parameters). */
function sqlIntArray(ids: readonly number[]) {
	return sql`${`{${ids.join(",")}}`}::int[]`;
}

/**
 * The lineage as it stood after member `from - 1`, read back from storage
 * once what was built from `from` on is removed, with the clause id of each
 * row; null (nothing removed) when what is stored cannot give it (no reading
 * order kept for that member), and the caller rebuilds.
 */
async function storedState(
	tx: Queryable,
	seriesId: string,
	ids: readonly number[],
	from: number,
): Promise<{ state: LineageState; rowKeys: number[] } | null> {
	const previous = ids[from - 1];
	if (previous === undefined) return null;
	const [kept] = await tx
		.select({ clauseIds: lineageOrders.clauseIds })
		.from(lineageOrders)
		.where(eq(lineageOrders.resolutionId, previous));
	if (!kept) return null;
	const rowKeys = kept.clauseIds;
	const index = new Map(ids.map((id, k) => [id, k]));
	const firstOf = new Map(
		(
			await tx
				.select({ id: clauses.id, first: clauses.firstResolutionId })
				.from(clauses)
				.where(eq(clauses.seriesId, seriesId))
		).map((c) => [c.id, index.get(c.first)]),
	);
	const firsts: number[] = [];
	for (const id of rowKeys) {
		const first = firstOf.get(id);
		if (first === undefined) return null;
		firsts.push(first);
	}
	const row = new Map(rowKeys.map((id, r) => [id, r]));
	// What was built from `from` on goes: later cells, clauses that began there, their orders.
	const later = ids.slice(from).concat(-1);
	await tx.delete(clauseCells).where(inArray(clauseCells.resolutionId, later));
	await tx
		.delete(clauses)
		.where(
			and(eq(clauses.seriesId, seriesId), sql`not (${clauses.id} = any(${sqlIntArray(rowKeys)}))`),
		);
	await tx.delete(lineageOrders).where(inArray(lineageOrders.resolutionId, later));
	// Each clause's last cell (members in reverse order of adoption): it carries on from there, or
	// ended there. The paragraphs are joined after, for the few rows left.
	const lastCells = tx
		.selectDistinctOn([clauseCells.clauseId], {
			clauseId: clauseCells.clauseId,
			resolutionId: clauseCells.resolutionId,
			paragraphId: clauseCells.paragraphId,
			carries: clauseCells.carries,
		})
		.from(clauseCells)
		.innerJoin(clauses, eq(clauses.id, clauseCells.clauseId))
		.innerJoin(resolutions, eq(resolutions.id, clauseCells.resolutionId))
		.where(eq(clauses.seriesId, seriesId))
		.orderBy(clauseCells.clauseId, desc(resolutions.adopted), desc(resolutions.symbol))
		.as("last_cells");
	const last = await tx
		.select({
			clauseId: lastCells.clauseId,
			resolutionId: lastCells.resolutionId,
			paragraphId: lastCells.paragraphId,
			carries: lastCells.carries,
			ref: paragraphs.ref,
		})
		.from(lastCells)
		.innerJoin(paragraphs, eq(paragraphs.id, lastCells.paragraphId));
	const current = new Map<string, number>();
	const endedAt = new Map<number, { member: number; paragraphId: number }>();
	for (const c of last) {
		const r = row.get(c.clauseId);
		const member = index.get(c.resolutionId);
		if (r === undefined || member === undefined || !c.carries) continue;
		if (member === from - 1) current.set(c.ref, r);
		else endedAt.set(r, { member, paragraphId: c.paragraphId });
	}
	const endedRows = endedAt.size
		? await tx
				.select()
				.from(paragraphs)
				.where(
					inArray(
						paragraphs.id,
						[...endedAt.values()].map((e) => e.paragraphId),
					),
				)
		: [];
	const byId = new Map(endedRows.map((p) => [p.id, toParagraph(p)]));
	const ended = new Map<number, { member: number; paragraph: Paragraph }>();
	for (const [r, e] of endedAt) {
		const paragraph = byId.get(e.paragraphId);
		if (paragraph) ended.set(r, { member: e.member, paragraph });
	}
	return {
		state: { member: from - 1, firsts, current, order: rowKeys.map((_, r) => r), ended },
		rowKeys,
	};
}

/**
 * Brings a series' clauses up to date from member index `from` on: the
 * stored state after the member before it (its reading order, the cells that
 * carry on, the clauses a removal ended) is extended by the members from
 * `from`, and only their cells are written. From 0 it is a full rebuild.
 */
async function recomputeFrom(
	tx: Queryable,
	seriesId: string,
	members: readonly MemberRow[],
	from: number,
): Promise<void> {
	const ids = members.map((m) => m.id);
	const index = new Map(ids.map((id, k) => [id, k]));
	const base = from > 0 ? await storedState(tx, seriesId, ids, from) : null;
	if (base === null) {
		await tx.delete(clauses).where(eq(clauses.seriesId, seriesId));
		await tx.delete(lineageOrders).where(eq(lineageOrders.seriesId, seriesId));
	}
	const start = base ? from - 1 : 0;
	const loaded = await loadResolutions(tx, ids.slice(start));
	const pairs = loaded.slice(1).map((to, k) => ({ from: loaded[k] ?? to, to }));
	const stored = await loadStoredDiffs(tx, pairs);
	const diffs: StructuredDiff[] = [];
	for (const p of pairs) {
		diffs.push(
			stored.get(`${p.from.row.id}:${p.to.row.id}`) ??
				(await computeAndStore(tx, p.from, p.to, true)),
		);
	}
	const resolutionsFrom = loaded.map((l) => l.resolution);
	const [head, ...rest] = resolutionsFrom;
	let state: LineageState;
	let rowKeys: number[];
	// Concatenated, not pushed as spread arguments: a long series' cells exceed the call stack's room.
	let stepCells: StepCell[] = [];
	const orders: { member: number; order: number[] }[] = [];
	if (base) {
		state = base.state;
		rowKeys = [...base.rowKeys];
	} else {
		const first = startLineage(head);
		state = first.state;
		rowKeys = [];
		stepCells = stepCells.concat(first.cells);
		orders.push({ member: 0, order: first.state.order });
	}
	if (head && rest.length > 0) {
		const steps = extendLineage(state, head, rest, diffs);
		stepCells = stepCells.concat(steps.cells);
		for (const [k, order] of steps.orders.entries()) orders.push({ member: start + 1 + k, order });
		state = steps.state;
	}
	// New rows become clauses; their place is set with every clause's below.
	const fresh = state.firsts.slice(rowKeys.length).map((first) => ({
		seriesId,
		position: 0,
		firstResolutionId: ids[first] ?? 0,
	}));
	for (let i = 0; i < fresh.length; i += 1000) {
		const inserted = await tx
			.insert(clauses)
			.values(fresh.slice(i, i + 1000))
			.returning({ id: clauses.id });
		rowKeys.push(...inserted.map((r) => r.id));
	}
	const paragraphId = new Map<number, Map<string, number>>();
	for (const l of loaded)
		paragraphId.set(index.get(l.row.id) ?? -1, new Map(l.paragraphRows.map((p) => [p.ref, p.id])));
	const cells = stepCells.flatMap((c) => {
		const pid = paragraphId.get(c.member)?.get(c.cell.ref);
		const rid = ids[c.member];
		const clauseId = rowKeys[c.row];
		if (pid === undefined || rid === undefined || clauseId === undefined) return [];
		return [
			{
				clauseId,
				resolutionId: rid,
				paragraphId: pid,
				status: c.cell.status,
				moved: c.cell.moved,
				shift: c.cell.shift,
				routine: c.cell.routine,
				carries: c.carries,
			},
		];
	});
	for (let i = 0; i < cells.length; i += 1000)
		await tx.insert(clauseCells).values(cells.slice(i, i + 1000));
	// The order after each member (kept for the next extension), and the positions of the latest.
	const orderRows = orders.map((o) => ({
		resolutionId: ids[o.member] ?? 0,
		seriesId,
		clauseIds: o.order.map((row) => rowKeys[row] ?? 0),
	}));
	for (let i = 0; i < orderRows.length; i += 200)
		await tx.insert(lineageOrders).values(orderRows.slice(i, i + 200));
	const finalOrder = state.order.map((row) => rowKeys[row] ?? 0);
	await tx.execute(sql`
		update ${clauses} set position = o.ord - 1
		from unnest(${sqlIntArray(finalOrder)}) with ordinality as o(id, ord)
		where ${clauses.id} = o.id and ${clauses.position} <> o.ord - 1`);
}
/**
 * Recomputes a series' clauses from its stored consecutive comparisons
 * (computing any that are missing), from the first member on: the full
 * rebuild, which an incremental update must always equal.
 */
export async function rebuildLineage(db: Db, seriesId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`select id from ${series} where ${series.id} = ${seriesId} for update`);
		await recomputeFrom(tx, seriesId, await seriesMemberRows(tx, seriesId), 0);
		await tx.update(series).set({ lineageStale: false }).where(eq(series.id, seriesId));
	});
}

/**
 * Brings a series' clauses up to date with its members, recomputing only
 * from the first member whose reading order is not kept: a member imported
 * (appended or inserted), re-imported, or whose comparison with the member
 * before changed. Appending this year's member extends the clauses by its
 * cells alone.
 *
 * @returns the index of the member it recomputed from, or null when nothing was stale.
 */
export async function updateLineage(db: Db, seriesId: string): Promise<number | null> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select id from ${series} where ${series.id} = ${seriesId} for update`);
		const members = await seriesMemberRows(tx, seriesId);
		const kept = new Set(
			(
				await tx
					.select({ id: lineageOrders.resolutionId })
					.from(lineageOrders)
					.where(eq(lineageOrders.seriesId, seriesId))
			).map((r) => r.id),
		);
		const from = members.findIndex((m) => !kept.has(m.id));
		const [row] = await tx
			.select({ stale: series.lineageStale })
			.from(series)
			.where(eq(series.id, seriesId));
		if (from < 0 && !row?.stale) return null;
		// Stale with every order kept (a member removed from the end, say): rebuild to be sure.
		const start = Math.max(from, 0);
		await recomputeFrom(tx, seriesId, members, start);
		await tx.update(series).set({ lineageStale: false }).where(eq(series.id, seriesId));
		return start;
	});
}

/**
 * Marks a series' lineage stale from one member on: its reading order is
 * forgotten, so the next update recomputes from it.
 */
export async function invalidateLineageFrom(
	db: Queryable,
	seriesId: string,
	resolutionId: number,
): Promise<void> {
	await db.delete(lineageOrders).where(eq(lineageOrders.resolutionId, resolutionId));
	await db.update(series).set({ lineageStale: true }).where(eq(series.id, seriesId));
}

/** Updates a series' clauses if a member changed since they were built. */
export async function ensureLineage(db: Db, seriesId: string): Promise<void> {
	const [row] = await db
		.select({ stale: series.lineageStale })
		.from(series)
		.where(eq(series.id, seriesId));
	if (row?.stale) await updateLineage(db, seriesId);
}

/** A stretch of a series' members, by symbol; either end may be left open. */
export interface MemberWindow {
	readonly from?: string | undefined;
	readonly to?: string | undefined;
}

/** One page of clauses: `number` from 1, `size` clauses a page. */
export interface ClausePage {
	readonly number: number;
	readonly size: number;
}

/**
 * The lineage of a series, read from its stored clauses: the whole series, or
 * the clauses present in a window of members (a long series has thousands),
 * all of them or one page of them in reading order.
 *
 * @throws NotFoundError for a member not stored, a window that runs backwards, or a page past the last.
 */
export async function readLineage(
	db: Db,
	seriesId: string,
	window: MemberWindow = {},
	page?: ClausePage,
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
	// The clauses with a cell in the window, in reading order: one page of them, or all.
	const inWindow = and(
		eq(clauses.seriesId, seriesId),
		sql`exists (select 1 from ${clauseCells} where ${clauseCells.clauseId} = ${clauses.id} and ${clauseCells.resolutionId} = any(${sqlIntArray(windowIds)}))`,
	);
	const total = page
		? Number(
				(await db.select({ n: sql<number>`count(*)` }).from(clauses).where(inWindow))[0]?.n ?? 0,
			)
		: 0;
	const pages = page ? Math.max(1, Math.ceil(total / page.size)) : 1;
	if (page && page.number > pages) {
		throw new NotFoundError(
			"page",
			String(page.number),
			`page ${page.number} is past the last: the window has ${total} clauses, ${pages} page(s) of ${page.size}`,
			Array.from({ length: Math.min(pages, 20) }, (_, i) => String(i + 1)),
		);
	}
	const query = db.select().from(clauses).where(inWindow).orderBy(asc(clauses.position));
	const rows = page
		? await query.limit(page.size).offset((page.number - 1) * page.size)
		: await query;
	const cells = rows.length
		? await db
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
				.innerJoin(paragraphs, eq(paragraphs.id, clauseCells.paragraphId))
				.where(
					and(
						sql`${clauseCells.clauseId} = any(${sqlIntArray(rows.map((r) => r.id))})`,
						sql`${clauseCells.resolutionId} = any(${sqlIntArray(windowIds)})`,
					),
				)
		: [];
	const byClause = new Map<number, typeof cells>();
	for (const c of cells) {
		const list = byClause.get(c.clauseId) ?? [];
		list.push(c);
		byClause.set(c.clauseId, list);
	}
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
		...(page ? { page: { number: page.number, size: page.size, pages, clauses: total } } : {}),
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
