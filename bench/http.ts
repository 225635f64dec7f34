/**
 * bench:http — load on loopback with autocannon: the stored (cached) diff,
 * the same comparison made anew, and POST /api/compare, against the Node
 * service on PGlite; in the same run a bare node:http server sending the
 * stored diff's bytes, the ceiling. Prints requests per second, p50/p99
 * latency, errors and the service's memory before and after.
 *
 * BENCH_SECONDS (default 20) and BENCH_CONNECTIONS (default 50) change the load.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createDb } from "../src/db/client.ts";
import { seed } from "../test/helpers/seed.ts";
import { syntheticTexts } from "../test/helpers/synthetic-series.ts";
import { formatTable } from "./lib/table.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = join(import.meta.dirname, "..");

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, "127.0.0.1", () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ["ignore", "pipe", "inherit"],
	});
	return new Promise((resolve, reject) => {
		let seen = "";
		child.stdout?.on("data", (d: Buffer) => {
			seen += d.toString();
			if (ready.test(seen)) resolve(child);
		});
		child.once("exit", (code) => reject(new Error(`exited ${code}: ${seen}`)));
	});
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number | undefined): number {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Scenario {
	readonly name: string;
	readonly url: string;
	readonly method?: "GET" | "POST";
	readonly headers?: Record<string, string>;
	readonly body?: string;
}

async function load(s: Scenario) {
	const r = await autocannon({
		url: s.url,
		connections: CONNECTIONS,
		duration: SECONDS,
		method: s.method ?? "GET",
		headers: s.headers ?? {},
		...(s.body ? { body: s.body } : {}),
	});
	return {
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors + r.timeouts + r.non2xx,
		total: r.requests.total,
	};
}

const dataDir = join(await mkdtemp(join(tmpdir(), "resdiff-bench-http-")), "data");
const prepared = await createDb({ RESDIFF_DATA_DIR: dataDir });
await seed(prepared.db);
await prepared.close();

const port = await freePort();
const service = await start(
	[join(root, "node_modules/tsx/dist/cli.mjs"), "src/node.ts"],
	{ PORT: String(port), RESDIFF_DATA_DIR: dataDir, DATABASE_URL: "" },
	/listening on/,
);
const base = `http://127.0.0.1:${port}`;
const diffPath = "/api/diff?from=99-1&to=99-2";
const stored = await fetch(`${base}${diffPath}`);
const bytes = Buffer.from(await stored.arrayBuffer());
const bodyFile = join(dataDir, "..", "diff.json");
writeFileSync(bodyFile, bytes);
const copied = Object.fromEntries(
	["content-type", "etag", "cache-control", "vary"].map((h) => [h, stored.headers.get(h) ?? ""]),
);
const ceilingPort = await freePort();
const ceiling = await start(
	[
		join(root, "bench/lib/ceiling-server.mjs"),
		bodyFile,
		JSON.stringify(copied),
		String(ceilingPort),
	],
	{},
	/ready/,
);

const compareBody = JSON.stringify({ base: "99/1", text: syntheticTexts[1] });
const scenarios: Scenario[] = [
	{ name: "ceiling: node:http, same bytes", url: `http://127.0.0.1:${ceilingPort}/` },
	{ name: "stored diff (cached)", url: `${base}${diffPath}` },
	{
		name: "same comparison made anew",
		url: `${base}${diffPath}`,
		headers: { "cache-control": "no-cache" },
	},
	{
		name: "POST /api/compare (draft)",
		url: `${base}/api/compare`,
		method: "POST",
		headers: { "content-type": "application/json" },
		body: compareBody,
	},
];

console.log(
	`bench:http — ${SECONDS} s per scenario, ${CONNECTIONS} connections, loopback; body of the stored diff: ${bytes.length} bytes`,
);
const memoryBefore = rssMb(service.pid);
const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
for (const s of scenarios) {
	process.stdout.write(`  running ${s.name}...\n`);
	results[s.name] = await load(s);
}
const memoryAfter = rssMb(service.pid);
const ceilingRps = results[scenarios[0]?.name ?? ""]?.rps ?? 1;

console.log(
	formatTable(
		["scenario", "req/s", "vs ceiling", "p50 ms", "p99 ms", "errors", "requests"],
		scenarios.map((s) => {
			const r = results[s.name];
			return [
				s.name,
				r?.rps.toFixed(0) ?? "",
				((r?.rps ?? 0) / ceilingRps).toFixed(2),
				String(r?.p50 ?? ""),
				String(r?.p99 ?? ""),
				String(r?.errors ?? ""),
				String(r?.total ?? ""),
			];
		}),
	),
);
console.log(
	`service memory (RSS): ${memoryBefore.toFixed(1)} MB before, ${memoryAfter.toFixed(1)} MB after (${(memoryAfter - memoryBefore >= 0 ? "+" : "") + (memoryAfter - memoryBefore).toFixed(1)} MB)`,
);
const cached = results[scenarios[1]?.name ?? ""];
console.log(
	`target: cached diff at least 0.5 of the ceiling (got ${((cached?.rps ?? 0) / ceilingRps).toFixed(2)}) with p99 under 20 ms (got ${cached?.p99} ms); zero errors (got ${Object.values(results).reduce((n, r) => n + r.errors, 0)})`,
);

service.kill("SIGTERM");
ceiling.kill("SIGTERM");
