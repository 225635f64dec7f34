/** `npm start` (scripts/start.mjs) as a real child process, and the CLI run beside it without blocking the test. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import type { CliResult } from "./cli.ts";
import { noDataDir } from "./cli.ts";
import { repoRoot } from "./paths.ts";

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, "127.0.0.1", () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

export interface ServiceProcess {
	readonly child: ChildProcess;
	readonly url: string;
	readonly port: number;
	/** Everything it printed so far. */
	output(): string;
	/** Resolves with the exit code once it ends. */
	readonly exited: Promise<number | null>;
	/** SIGTERM, then the exit code. */
	stop(): Promise<number | null>;
}

/** Starts the service on a free port with `env` (PGlite in RESDIFF_DATA_DIR unless DATABASE_URL). */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
	const port = await freePort();
	// What `npm start` runs: one Node process (no tsx wrapper between the signal and the service).
	const child = spawn(process.execPath, [join(repoRoot, "scripts/start.mjs")], {
		cwd: repoRoot,
		env: { ...process.env, DATABASE_URL: "", ...env, PORT: String(port) },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let seen = "";
	child.stdout?.on("data", (d: Buffer) => {
		seen += d.toString();
	});
	child.stderr?.on("data", (d: Buffer) => {
		seen += d.toString();
	});
	const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`service did not start: ${seen}`)), 90_000);
		const poll = setInterval(() => {
			if (/API reference: http:\/\/\S+/.test(seen)) {
				clearInterval(poll);
				clearTimeout(timer);
				resolve();
			}
		}, 50);
		void exited.then((code) => {
			clearInterval(poll);
			clearTimeout(timer);
			reject(new Error(`service exited ${code} before listening: ${seen}`));
		});
	});
	return {
		child,
		port,
		url: `http://127.0.0.1:${port}`,
		output: () => seen,
		exited,
		stop() {
			if (child.exitCode === null) child.kill("SIGTERM");
			return exited;
		},
	};
}

/** `bin/resdiff.mjs` in a child process, without blocking the event loop (so several may run at once). */
export function cliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
	const { DATABASE_URL: _unused, ...rest } = process.env;
	const child = spawn(process.execPath, [join(repoRoot, "bin/resdiff.mjs"), ...args], {
		cwd: repoRoot,
		env: { ...rest, RESDIFF_DATA_DIR: noDataDir(), NO_COLOR: "1", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let stdout = "";
	let stderr = "";
	child.stdout?.on("data", (d: Buffer) => {
		stdout += d.toString();
	});
	child.stderr?.on("data", (d: Buffer) => {
		stderr += d.toString();
	});
	return new Promise((resolve) =>
		child.once("exit", (code) => resolve({ code: code ?? -1, stdout, stderr })),
	);
}
