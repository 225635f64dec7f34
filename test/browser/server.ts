/**
 * The Node server the browser tests drive: `startServer` on a free port with
 * a temporary PGlite folder holding the shipped corpus, the synthetic series
 * and, when RESDIFF_REAL_SERIES names it, the seven real members.
 */
import { createDb } from "../../src/db/client.ts";
import { parseEnv } from "../../src/env.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { tempDataDir } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";
import { importRealSeries } from "./seed-real.ts";

/** The admin token the browser tests' server runs with, for the review form. */
export const BROWSER_ADMIN_TOKEN = "browser-test-admin-token";

export interface SeededServer extends RunningServer {
	/** Whether the real series is stored (RESDIFF_REAL_SERIES was set). */
	readonly real: boolean;
	/** What the server logged, for a failing test to show. */
	readonly log: readonly string[];
}

export async function startSeededServer(realDir: string | null): Promise<SeededServer> {
	const dir = tempDataDir();
	const prepared = await createDb({ RESDIFF_DATA_DIR: dir });
	try {
		await seed(prepared.db);
		if (realDir) {
			const reports = await importRealSeries({ db: prepared.db }, realDir);
			const failed = reports.filter((r) => !r.ok);
			if (failed.length) throw new Error(`real series import failed: ${JSON.stringify(failed)}`);
		}
	} finally {
		await prepared.close();
	}
	const log: string[] = [];
	const server = await startServer({
		env: parseEnv({
			RESDIFF_DATA_DIR: dir,
			RESDIFF_CORPUS: corpusDir,
			PORT: "0",
			RESDIFF_ADMIN_TOKEN: BROWSER_ADMIN_TOKEN,
		}),
		hostname: "127.0.0.1",
		log: (line) => log.push(line),
	});
	return Object.assign(server, { real: realDir !== null, log });
}
