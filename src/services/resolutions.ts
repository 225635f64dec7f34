/** Verbs about stored resolutions: read one, compare two, compare a draft, search. */

import { asc, sql } from "drizzle-orm";
import { ENGINE_VERSION, type StructuredDiff } from "../core/diff/index.ts";
import { InvalidInputError, NotFoundError } from "../core/errors.ts";
import type { Paragraph, Resolution } from "../core/model.ts";
import { parseSymbol } from "../core/symbol.ts";
import { loadStoredDiffs, type StoredSide, storeComparison } from "../db/queries/comparisons.ts";
import { asDecision, decisionsFor } from "../db/queries/decisions.ts";
import {
	findResolutionRow,
	loadResolutions,
	loadResolutionsBySymbol,
	paragraphsAt,
	storedFingerprints,
} from "../db/queries/resolutions.ts";
import { type SearchHit, searchPhrase } from "../db/queries/search.ts";
import { listSeries } from "../db/queries/series.ts";
import { resolutions } from "../db/schema/index.ts";
import { type Compute, inProcessCompute } from "./compute.ts";
import type { ServiceContext } from "./context.ts";
import type { DraftInput, JobOutput, JobResult } from "./jobs.ts";

/** The full symbol for what a user typed: "37-39", "37/39", "A/HRC/RES/37/39"; other symbols pass as typed. */
export function normaliseSymbol(input: string): string {
	const trimmed = input.trim();
	return parseSymbol(trimmed)?.symbol ?? trimmed;
}

async function storedSymbols(ctx: ServiceContext): Promise<string[]> {
	const rows = await ctx.db
		.select({ symbol: resolutions.symbol })
		.from(resolutions)
		.orderBy(asc(resolutions.adopted));
	return rows.map((r) => r.symbol);
}

/** A stored member with its rows, or NotFoundError naming what is stored. */
export async function loadStored(ctx: ServiceContext, input: string) {
	const symbol = normaliseSymbol(input);
	const row = await findResolutionRow(ctx.db, symbol);
	const [loaded] = row ? await loadResolutions(ctx.db, [row.id]) : [];
	if (!loaded) {
		const known = await storedSymbols(ctx);
		throw new NotFoundError(
			"resolution",
			symbol,
			`${await whyMissing(ctx, symbol)}; stored: ${known.join(", ") || "none"}`,
			known,
		);
	}
	return loaded;
}

/** "34/39 is listed in mali-hrc but not stored yet: run …", or "no stored resolution …". */
async function whyMissing(ctx: ServiceContext, symbol: string): Promise<string> {
	const listed = (await listSeries(ctx.db)).find((s) => s.members.some((m) => m.symbol === symbol));
	if (!listed) return `no stored resolution ${symbol}`;
	const number = parseSymbol(symbol)?.number ?? symbol;
	return `${number} is listed in the series ${listed.id} but its text is not stored yet: run \`npx resdiff fetch ${number}\`, or \`npx resdiff import <file> --symbol ${number}\` with a file you have`;
}

export interface StoredResolution {
	readonly resolution: Resolution;
	readonly source: {
		readonly name: string;
		readonly address: string | null;
		readonly sha256: string;
		readonly importedAt: string;
	};
	readonly seriesId: string | null;
}

export async function getResolution(ctx: ServiceContext, input: string): Promise<StoredResolution> {
	const { row, resolution } = await loadStored(ctx, input);
	return {
		resolution,
		source: {
			name: row.sourceName,
			address: row.sourceAddress,
			sha256: row.sha256,
			importedAt: row.importedAt.toISOString(),
		},
		seriesId: row.seriesId,
	};
}

export interface DiffResult {
	readonly diff: StructuredDiff;
	/** Identifies this exact answer: both texts' hashes, the engine version and the reviewers' decisions. */
	readonly version: string;
	/** Whether it was read from storage rather than computed now. */
	readonly stored: boolean;
}

/** Where a request's comparisons run: the pool where there is one, else this thread. */
function computeOf(ctx: ServiceContext): Compute {
	return ctx.compute ?? inProcessCompute;
}

export interface WorkOptions {
	/** Date.now() value after which redlines are no longer worked out (see compare()). */
	readonly deadline?: number;
	/** The request's hard limit: the work is stopped when it aborts. */
	readonly signal?: AbortSignal;
}

/**
 * The comparison of two stored members: from memory or storage when there,
 * else computed (off the event loop where there is a pool) and kept. `fresh`
 * computes it anew, reading and keeping nothing.
 */
export async function getDiff(
	ctx: ServiceContext,
	fromInput: string,
	toInput: string,
	options: WorkOptions & { readonly fresh?: boolean } = {},
): Promise<DiffResult> {
	const key = `${normaliseSymbol(fromInput)}|${normaliseSymbol(toInput)}`;
	const remembered = options.fresh ? undefined : ctx.memory?.diffs.get(key);
	if (remembered) return { ...remembered, stored: true };
	if (options.fresh) {
		const { version, result } = await freshDiff(ctx, fromInput, toInput, { kind: "diff" }, options);
		if (result.kind !== "diff") throw new Error("a diff job answered with something else");
		return { diff: result.diff, version, stored: false };
	}
	const { from, to, decisions, version } = await storedPair(ctx, fromInput, toInput);
	const stored = (await loadStoredDiffs(ctx.db, [{ from, to }])).get(`${from.row.id}:${to.row.id}`);
	let diff = stored;
	if (!diff) {
		// Computed outside the transaction: the database is not held while a worker compares.
		const result = await computeOf(ctx).run(
			{
				kind: "pair",
				from: from.resolution,
				to: to.resolution,
				decisions,
				output: { kind: "diff" },
			},
			options.signal,
		);
		if (result.kind !== "diff") throw new Error("a diff job answered with something else");
		diff = result.diff;
		const made = diff;
		await ctx.db.transaction((tx) => storeComparison(tx, from, to, made, false));
	}
	ctx.memory?.diffs.set(key, { diff, version });
	return { diff, version, stored: !!stored };
}

/** Both stored members, the reviewers' decisions about them, and the version of their comparison. */
async function storedPair(ctx: ServiceContext, fromInput: string, toInput: string, fresh = false) {
	const key = `${normaliseSymbol(fromInput)}|${normaliseSymbol(toInput)}`;
	// Asked fresh, what is stored now is read, and remembered for the requests after.
	const remembered = fresh ? undefined : ctx.memory?.pairs.get(key);
	if (remembered) return remembered;
	const [from, to] = await loadMembers(ctx, [fromInput, toInput], fresh);
	// A reviewer's decision changes the answer, so it changes the version (and the ETag).
	const decided = await decisionsFor(ctx.db, from.row, to.row);
	const reviewed = decided.length > 0 ? `-r${decided.map((d) => d.id).join(".")}` : "";
	const version = `${from.row.sha256.slice(0, 16)}-${to.row.sha256.slice(0, 16)}-e${ENGINE_VERSION}${reviewed}`;
	const pair = { from, to, decided, decisions: decided.map(asDecision), version };
	ctx.memory?.pairs.set(key, pair);
	return pair;
}

/** A stored member for a comparison: from memory when read a moment ago, else from the database. */
async function loadMember(ctx: ServiceContext, input: string, fresh = false) {
	const [member] = await loadMembers(ctx, [input], fresh);
	if (!member) throw new Error("loadMembers answered nothing");
	return member;
}

/**
 * Stored members for a comparison, in the order asked: from memory when read
 * a moment ago, else all those not remembered in two queries together (a
 * comparison made anew reads both of its members at every request).
 *
 * @throws NotFoundError, as loadStored words it, for a member not stored.
 */
async function loadMembers<const T extends readonly string[]>(
	ctx: ServiceContext,
	inputs: T,
	fresh = false,
): Promise<{ [K in keyof T]: StoredSide }> {
	const symbols = inputs.map(normaliseSymbol);
	const found = new Map<string, StoredSide>();
	for (const symbol of symbols) {
		const remembered = fresh ? undefined : ctx.memory?.members.get(symbol);
		if (remembered) found.set(symbol, remembered);
	}
	// Asked fresh, a member read before is still good when what is stored has the same fingerprint.
	const prints =
		fresh && ctx.memory
			? await storedFingerprints(
					ctx.db,
					symbols.filter((s) => !found.has(s)),
				)
			: undefined;
	for (const [symbol, fingerprint] of prints ?? []) {
		const kept = ctx.memory?.fingerprinted.get(symbol);
		if (kept?.fingerprint === fingerprint) found.set(symbol, kept.member);
	}
	const wanted = symbols.filter((s) => !found.has(s));
	for (const loaded of await loadResolutionsBySymbol(ctx.db, wanted)) {
		found.set(loaded.row.symbol, loaded);
		ctx.memory?.members.set(loaded.row.symbol, loaded);
		// The fingerprint read before loading: a change in between makes the next request read again.
		const fingerprint = prints?.get(loaded.row.symbol);
		if (fingerprint)
			ctx.memory?.fingerprinted.set(loaded.row.symbol, { fingerprint, member: loaded });
	}
	const members: StoredSide[] = [];
	for (const [i, symbol] of symbols.entries()) {
		// Not stored: loadStored says so, naming what is.
		members.push(found.get(symbol) ?? (await loadStored(ctx, inputs[i] ?? symbol)));
	}
	return members as { [K in keyof T]: StoredSide };
}

/**
 * Two stored members compared anew, reading and keeping nothing, answered
 * as `output` asks (a response body is rendered where the comparison ran).
 */
export async function freshDiff(
	ctx: ServiceContext,
	fromInput: string,
	toInput: string,
	output: JobOutput,
	options: WorkOptions = {},
): Promise<{ version: string; result: JobResult }> {
	const { from, to, decisions, version } = await storedPair(ctx, fromInput, toInput, true);
	const result = await computeOf(ctx).run(
		{
			kind: "pair",
			from: from.resolution,
			to: to.resolution,
			decisions,
			...(options.deadline === undefined ? {} : { deadline: options.deadline }),
			output,
		},
		options.signal,
	);
	return { version, result };
}

/**
 * An unsaved draft (see `draftInput`) read and compared against a stored
 * member, answered as `output` asks; nothing is stored. Reading, comparing
 * and rendering run together, off the event loop where there is a pool. The
 * draft is called `name`, else "draft" (see `asDraft`).
 */
export async function compareDraft(
	ctx: ServiceContext,
	baseInput: string,
	draft: DraftInput,
	output: JobOutput,
	options: WorkOptions & { readonly name?: string } = {},
): Promise<JobResult> {
	const base = await loadMember(ctx, baseInput);
	return computeOf(ctx).run(
		{
			kind: "draft",
			base: base.resolution,
			draft,
			...(options.name === undefined ? {} : { name: options.name }),
			...(options.deadline === undefined ? {} : { deadline: options.deadline }),
			output,
		},
		options.signal,
	);
}

/** How many resolutions are stored: the health check's real query. */
export async function countResolutions(ctx: ServiceContext): Promise<number> {
	const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(resolutions);
	return Number(row?.n ?? 0);
}

export async function search(ctx: ServiceContext, phrase: string): Promise<SearchHit[]> {
	if (phrase.trim() === "") throw new InvalidInputError("give a phrase to search for");
	return searchPhrase(ctx.db, phrase);
}

/** Paragraphs named by member symbol and ref (`{ symbol: "A/HRC/RES/37/39", ref: "OP5" }`), by symbol then ref. */
export function getParagraphs(
	ctx: ServiceContext,
	wanted: readonly { readonly symbol: string; readonly ref: string }[],
): Promise<Map<string, Map<string, Paragraph>>> {
	return paragraphsAt(ctx.db, wanted);
}
