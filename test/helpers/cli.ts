/** Runs the resdiff CLI in-process, or as a real child process, and collects what it prints. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { colourStyle, plainStyle } from "../../src/cli/style.ts";
import { parseEnv } from "../../src/env.ts";
import { corpusDir, repoRoot } from "./paths.ts";

export interface CliResult {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/** A data folder that does not exist: with it (and no DATABASE_URL) commands read files, not a database. */
export function noDataDir(): string {
	return join(mkdtempSync(join(tmpdir(), "resdiff-nodb-")), "absent");
}

/** In-process, with the shipped corpus and no database unless `env` says otherwise; plain unless `colour`. */
export async function runCli(
	args: string[],
	env: Record<string, string> = {},
	{ colour = false }: { readonly colour?: boolean } = {},
): Promise<CliResult> {
	let stdout = "";
	let stderr = "";
	const code = await main(args, {
		env: parseEnv({ RESDIFF_CORPUS: corpusDir, RESDIFF_DATA_DIR: noDataDir(), ...env }),
		out: (t) => {
			stdout += t;
		},
		err: (t) => {
			stderr += t;
		},
		style: colour ? colourStyle : plainStyle,
		colour,
		interactive: false,
	});
	return { code, stdout, stderr };
}

/** As a user runs it: `bin/resdiff.mjs` in a child process. */
export function spawnCli(args: string[], env: Record<string, string> = {}): CliResult {
	const run = spawnSync(process.execPath, [join(repoRoot, "bin/resdiff.mjs"), ...args], {
		cwd: repoRoot,
		encoding: "utf8",
		env: { ...withoutDatabase(process.env), RESDIFF_DATA_DIR: noDataDir(), NO_COLOR: "1", ...env },
		timeout: 60_000,
	});
	return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function withoutDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const { DATABASE_URL: _ignored, ...rest } = env;
	return rest;
}
