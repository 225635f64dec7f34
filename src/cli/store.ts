/**
 * The CLI's storage: the database when one is configured (DATABASE_URL, or a
 * PGlite data folder that exists), brought up to date with the corpus folder;
 * otherwise none, and commands read files. A PGlite folder has one user at a
 * time (see src/db/folder-lock.ts): while the service holds it, commands go
 * through the service's API instead, so what they write is visible at once.
 */
import { existsSync } from "node:fs";
import type { StructuredDiff } from "../core/diff/index.ts";
import type { Lineage } from "../core/lineage/index.ts";
import type { Resolution } from "../core/model.ts";
import { parseSymbol } from "../core/symbol.ts";
import { createDb } from "../db/client.ts";
import { liveLock } from "../db/folder-lock.ts";
import type { ImportOptions, ImportOutcome, ImportSource } from "../db/queries/import.ts";
import type { SearchHit } from "../db/queries/search.ts";
import type { SeriesView } from "../db/queries/series.ts";
import { readSource } from "../ingest/corpus.ts";
import type { ServiceContext } from "../services/context.ts";
import { importCorpus } from "../services/corpus.ts";
import { type ImportReport, importMany, importOne } from "../services/import.ts";
import { getLatestChange, type LatestChange } from "../services/latest.ts";
import {
	getPhraseNewLanguage,
	getSources,
	type MemberSources,
	type PhraseNewLanguage,
} from "../services/provenance.ts";
import { getDiff, getResolution, search } from "../services/resolutions.ts";
import { getLineage, getSeries } from "../services/series.ts";
import type { CommandIO } from "./io.ts";
import { progressBar } from "./progress.ts";
import { serviceStore } from "./service-store.ts";

export function databaseConfigured(io: CommandIO): boolean {
	return !!io.env.DATABASE_URL || existsSync(io.env.RESDIFF_DATA_DIR);
}

export type ImportManyOptions = Omit<ImportOptions, "afterParagraphs"> & {
	readonly onProgress?: (done: number, total: number, name: string) => void;
};

/** What commands ask of storage, answered by the database or by the service that holds it. */
export interface Store {
	/** Where the data lives, for messages. */
	readonly address: string;
	resolution(symbol: string): Promise<Resolution>;
	diff(from: string, to: string): Promise<StructuredDiff>;
	series(id: string): Promise<SeriesView>;
	lineage(seriesId: string): Promise<Lineage>;
	/** Wholly new paragraphs, and reworded ones with their new phrases. */
	newLanguage(seriesId: string, member: string): Promise<PhraseNewLanguage>;
	/** Every paragraph of a member with its spans and the delegate's annotation. */
	sources(member: string): Promise<MemberSources>;
	/** This year against last year: the latest stored member against the one before. */
	latest(seriesId: string): Promise<LatestChange>;
	search(phrase: string): Promise<SearchHit[]>;
	importOne(source: ImportSource, options?: ImportManyOptions): Promise<ImportOutcome>;
	/** Each source whole or not at all; a source that fails is reported and the others go on. */
	importMany(
		names: readonly string[],
		load: (name: string) => Promise<ImportSource>,
		options?: ImportManyOptions,
	): Promise<ImportReport[]>;
}

function databaseStore(ctx: ServiceContext, address: string): Store {
	return {
		address,
		resolution: async (symbol) => (await getResolution(ctx, symbol)).resolution,
		diff: async (from, to) => (await getDiff(ctx, from, to)).diff,
		series: (id) => getSeries(ctx, id),
		lineage: (id) => getLineage(ctx, id),
		newLanguage: (id, member) => getPhraseNewLanguage(ctx, id, member),
		sources: (member) => getSources(ctx, member),
		latest: (id) => getLatestChange(ctx, id),
		search: (phrase) => search(ctx, phrase),
		importOne: (source, options = {}) => importOne(ctx, source, options),
		importMany: (names, load, options = {}) => importMany(ctx, names, load, options),
	};
}

/**
 * Runs `work` on the store: through the service when it holds the PGlite
 * folder; otherwise on the database, opened (creating PGlite's folder if need
 * be, and taking its lock, or refusing when another command holds it), with
 * what the corpus folder holds that is not stored yet imported first.
 */
export async function withStore<T>(
	io: CommandIO,
	work: (store: Store) => Promise<T>,
	what = "a resdiff command",
): Promise<T> {
	if (!io.env.DATABASE_URL) {
		const held = existsSync(io.env.RESDIFF_DATA_DIR) ? liveLock(io.env.RESDIFF_DATA_DIR) : null;
		if (held?.holder === "service" && held.port !== null)
			return work(serviceStore(io.env.RESDIFF_DATA_DIR, held));
		// Anything else holding it (a service still starting, another command) is refused by the lock.
	}
	const handle = await createDb(io.env, { holder: "command", what });
	try {
		const ctx = { db: handle.db };
		const bar = progressBar(io.err, io.interactive);
		const reports = await importCorpus(ctx, io.env.RESDIFF_CORPUS, (done, total, name) =>
			bar.update(done, total, name),
		);
		bar.finish();
		for (const r of reports) if (!r.ok) io.err(`resdiff: skipped ${r.name}: ${r.error}\n`);
		return await work(databaseStore(ctx, handle.address));
	} finally {
		await handle.close();
	}
}

/** A resolution named on the command line: a stored symbol when there is a store, else a corpus symbol or a file. */
export async function readMember(arg: string, io: CommandIO, store?: Store): Promise<Resolution> {
	if (store && parseSymbol(arg)) return store.resolution(arg);
	return (await readSource(arg, io.env.RESDIFF_CORPUS)).resolution;
}
