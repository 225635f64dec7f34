/**
 * The CLI's storage: the database when one is configured (DATABASE_URL, or a
 * PGlite data folder that exists), brought up to date with the corpus folder;
 * otherwise none, and commands read files.
 */
import { existsSync } from "node:fs";
import type { Resolution } from "../core/model.ts";
import { parseSymbol } from "../core/symbol.ts";
import { createDb } from "../db/client.ts";
import type { DbHandle } from "../db/types.ts";
import { readSource } from "../ingest/corpus.ts";
import type { ServiceContext } from "../services/context.ts";
import { importCorpus } from "../services/corpus.ts";
import { getResolution } from "../services/resolutions.ts";
import type { CommandIO } from "./io.ts";
import { progressBar } from "./progress.ts";

export function databaseConfigured(io: CommandIO): boolean {
	return !!io.env.DATABASE_URL || existsSync(io.env.RESDIFF_DATA_DIR);
}

/**
 * Opens the database (creating PGlite's folder if need be), imports what the
 * corpus folder holds that is not stored yet, runs `work`, and closes it.
 */
export async function withStore<T>(
	io: CommandIO,
	work: (ctx: ServiceContext, handle: DbHandle) => Promise<T>,
): Promise<T> {
	const handle = await createDb(io.env);
	try {
		const ctx = { db: handle.db };
		const bar = progressBar(io.err, io.interactive);
		const reports = await importCorpus(ctx, io.env.RESDIFF_CORPUS, (done, total, name) =>
			bar.update(done, total, name),
		);
		bar.finish();
		for (const r of reports) if (!r.ok) io.err(`resdiff: skipped ${r.name}: ${r.error}\n`);
		return await work(ctx, handle);
	} finally {
		await handle.close();
	}
}

/** A resolution named on the command line: a stored symbol when there is a store, else a corpus symbol or a file. */
export async function readMember(
	arg: string,
	io: CommandIO,
	ctx?: ServiceContext,
): Promise<Resolution> {
	if (ctx && parseSymbol(arg)) return (await getResolution(ctx, arg)).resolution;
	return (await readSource(arg, io.env.RESDIFF_CORPUS)).resolution;
}
