/** Puts the shipped corpus and the synthetic test series into a database, for service and HTTP tests. */
import { syncManifest } from "../../src/db/queries/series.ts";
import type { Db } from "../../src/db/types.ts";
import { importCorpus } from "../../src/services/corpus.ts";
import { importOne } from "../../src/services/import.ts";
import { corpusDir } from "./paths.ts";
import { syntheticManifest, syntheticSource } from "./synthetic-series.ts";

export async function seed(db: Db): Promise<void> {
	const ctx = { db };
	await importCorpus(ctx, corpusDir);
	await syncManifest(db, syntheticManifest);
	for (const k of [1, 2, 3]) await importOne(ctx, syntheticSource(k));
}
