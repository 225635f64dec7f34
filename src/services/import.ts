/**
 * Importing texts: the corpus folder at start, files named on the command
 * line, a text posted to the API. Each resolution lands whole or not at all;
 * a file that fails is reported with its name and line and the others go on.
 */

import { eq } from "drizzle-orm";
import { ResdiffError } from "../core/errors.ts";
import type { Manifest } from "../core/manifest.ts";
import {
	type ImportOptions,
	type ImportOutcome,
	type ImportSource,
	importResolution,
} from "../db/queries/import.ts";
import { updateLineage } from "../db/queries/lineage.ts";
import { syncManifest } from "../db/queries/series.ts";
import { refreshStatistics } from "../db/queries/statistics.ts";
import { series } from "../db/schema/index.ts";
import type { ServiceContext } from "./context.ts";

/** How many imports of a batch go by between checks of the planner's statistics. */
const STATISTICS_EVERY = 100;

export type ImportReport = { readonly name: string } & (
	| { readonly ok: true; readonly outcome: ImportOutcome }
	| { readonly ok: false; readonly error: string }
);

/**
 * Brings the clauses of every series a member was added to up to date,
 * from that member on (appending this year's member adds its cells alone).
 */
export async function refreshLineage(ctx: ServiceContext): Promise<void> {
	const stale = await ctx.db
		.select({ id: series.id })
		.from(series)
		.where(eq(series.lineageStale, true));
	for (const s of stale) await updateLineage(ctx.db, s.id);
}

export async function importOne(
	ctx: ServiceContext,
	source: ImportSource,
	options: ImportOptions = {},
): Promise<ImportOutcome> {
	const outcome = await importResolution(ctx.db, source, options);
	// What this process remembers may now be out of date.
	if (outcome.status !== "unchanged") {
		ctx.memory?.clear();
		await refreshStatistics(ctx.db);
	}
	await refreshLineage(ctx);
	return outcome;
}

/**
 * Imports several sources, each in its own transaction, then rebuilds
 * lineage once. `load` reads a source (and may throw a ParseError naming the
 * file and line); failures are reported and do not stop the others.
 */
export async function importMany(
	ctx: ServiceContext,
	names: readonly string[],
	load: (name: string) => Promise<ImportSource>,
	options: Omit<ImportOptions, "afterParagraphs"> & {
		readonly manifest?: Manifest;
		readonly onProgress?: (done: number, total: number, name: string) => void;
	} = {},
): Promise<ImportReport[]> {
	if (options.manifest) await syncManifest(ctx.db, options.manifest);
	const reports: ImportReport[] = [];
	for (const [i, name] of names.entries()) {
		options.onProgress?.(i, names.length, name);
		try {
			const outcome = await importResolution(ctx.db, await load(name), options);
			reports.push({ name, ok: true, outcome });
			// A long batch grows the tables far past what the planner last saw.
			if ((i + 1) % STATISTICS_EVERY === 0) await refreshStatistics(ctx.db);
		} catch (e) {
			if (!(e instanceof ResdiffError)) throw e;
			const described =
				"describe" in e && typeof e.describe === "function" ? String(e.describe()) : e.message;
			reports.push({ name, ok: false, error: described });
		}
	}
	options.onProgress?.(names.length, names.length, "");
	if (reports.some((r) => r.ok && r.outcome.status !== "unchanged")) {
		ctx.memory?.clear();
		// After a batch the planner's statistics are stale; search and provenance plans depend on them.
		await refreshStatistics(ctx.db);
	}
	await refreshLineage(ctx);
	return reports;
}
