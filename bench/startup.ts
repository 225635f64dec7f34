/**
 * How long `npm start` takes to its first answer, on the embedded database
 * with the shipped corpus: cold (a data folder that does not exist yet, and
 * the compiled JavaScript and empty database as install leaves them, or
 * either missing) and warm (the
 * same folder again). Beside them, in the same run: a bare Node HTTP server
 * started the same way (the floor: Node and npm themselves) and the service
 * run from TypeScript through tsx, as `npm start` did before it ran compiled
 * JavaScript. Each figure is the time from spawning the command to the first
 * 200 from /healthz (the database answering), the median of several runs.
 * Servers listen on loopback ports of their own and are stopped after each run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { templateFolder } from "../src/db/pglite-settings.ts";
import { formatTable, ms, ratio } from "./lib/table.ts";
import { median } from "./lib/timing.ts";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const GIVE_UP_MS = 120_000;

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, "127.0.0.1", () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.pid === undefined) return;
	const gone = new Promise((r) => child.once("exit", r));
	// The whole group: npm and the node it started.
	process.kill(-child.pid, "SIGTERM");
	await gone;
}

/** Milliseconds from spawning `command` to the first 200 from `path` on its port. */
async function timeToAnswer(
	command: string,
	args: readonly string[],
	env: Record<string, string>,
	path = "/healthz",
): Promise<number> {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(command, args, {
		cwd: root,
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ["ignore", "ignore", "pipe"],
		detached: true,
	});
	let stderr = "";
	child.stderr?.on("data", (d: Buffer) => {
		stderr += d.toString();
	});
	try {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
			if (performance.now() - started > GIVE_UP_MS) throw new Error(`${command}: no answer`);
			const ok = await fetch(`http://127.0.0.1:${port}${path}`).then(
				(r) => r.status === 200,
				() => false,
			);
			if (ok) return performance.now() - started;
			await new Promise((r) => setTimeout(r, 20));
		}
	} finally {
		await stop(child);
	}
}

function dataDir(): string {
	return join(mkdtempSync(join(tmpdir(), "resdiff-startup-")), "data");
}

const BARE_SERVER =
	"require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

async function medianOf(runs: number, once: () => Promise<number>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) times.push(await once());
	return median(times);
}

const dist = join(root, "dist");
const rows: [string, number][] = [];

// The floor: node itself answering, started by npm and directly.
const floor = await medianOf(RUNS, () => timeToAnswer("node", ["-e", BARE_SERVER], {}, "/"));
rows.push(["bare node:http server (node -e)", floor]);

// Cold, as after install: what npm's prepare runs (dist/ built, the empty database made), no data folder yet.
await new Promise<void>((resolve, reject) =>
	spawn("node", [join(root, "scripts/built.mjs")], { cwd: root, stdio: "inherit" }).once(
		"exit",
		(code) => (code === 0 ? resolve() : reject(new Error(`scripts/built.mjs exited ${code}`))),
	),
);
const cold = await medianOf(RUNS, () =>
	timeToAnswer("npm", ["start"], { RESDIFF_DATA_DIR: dataDir() }),
);
rows.push(["npm start, cold: new data folder (first run after install)", cold]);

// Cold with nothing built: the first start also compiles.
const unbuilt = await medianOf(RUNS, () => {
	rmSync(dist, { recursive: true, force: true });
	return timeToAnswer("npm", ["start"], { RESDIFF_DATA_DIR: dataDir() });
});
rows.push(["npm start, cold, dist/ missing (compiles first)", unbuilt]);

// Cold where install could not make the empty database: the first start runs initdb (and makes it).
const uninitialised = await medianOf(RUNS, () => {
	rmSync(templateFolder(), { recursive: true, force: true });
	return timeToAnswer("npm", ["start"], { RESDIFF_DATA_DIR: dataDir() });
});
rows.push(["npm start, cold, no empty database from install (initdb)", uninitialised]);

// Warm: the same data folder again.
const warmDir = dataDir();
await timeToAnswer("npm", ["start"], { RESDIFF_DATA_DIR: warmDir });
const warm = await medianOf(RUNS, () =>
	timeToAnswer("npm", ["start"], { RESDIFF_DATA_DIR: warmDir }),
);
rows.push(["npm start, warm (same data folder)", warm]);

// Before: the service through tsx, as npm start ran it from TypeScript.
const tsxWarm = await medianOf(RUNS, () =>
	timeToAnswer(join(root, "node_modules/.bin/tsx"), ["src/node.ts"], { RESDIFF_DATA_DIR: warmDir }),
);
rows.push(["tsx src/node.ts, warm (the former npm start)", tsxWarm]);

const [load = 0] = loadavg();
console.log(
	`Start-up to the first 200 from /healthz, median of ${RUNS} runs each; load average ${load.toFixed(1)} on ${cpus().length} cores\n`,
);
console.log(
	formatTable(
		["command", "time", "x bare node"],
		rows.map(([name, t]) => [name, ms(t), ratio(t / floor)]),
	),
);
console.log(
	`\nwarm npm start vs the former tsx start: ${ratio(warm / tsxWarm)}; targets: warm < 1.5 s, cold < 5 s`,
);
