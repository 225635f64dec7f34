import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/client.ts";
import { importCorpus } from "../../src/services/corpus.ts";
import { getResolution } from "../../src/services/resolutions.ts";
import { freshPglite, tempDataDir } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { databaseSuite } from "./suite.ts";

databaseSuite("PGlite", () => freshPglite());

describe("PGlite's data folder", () => {
	it("survives a restart with its data", async () => {
		const dir = tempDataDir();
		const first = await createDb({ RESDIFF_DATA_DIR: dir });
		await importCorpus({ db: first.db }, corpusDir);
		await first.close();
		const again = await createDb({ RESDIFF_DATA_DIR: dir });
		try {
			expect((await getResolution({ db: again.db }, "37/39")).resolution.paragraphs).toHaveLength(
				53,
			);
			// Opening runs the migrations again; they are already applied and change nothing.
			expect(await importCorpus({ db: again.db }, corpusDir)).toEqual([]);
		} finally {
			await again.close();
		}
	});
});
