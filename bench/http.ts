/**
 * bench:http — load on loopback with autocannon against the service as
 * `npm start` runs it (the compiled bundle, one process, PGlite), beside a
 * bare node:http server sending the stored diff's bytes (the ceiling):
 *
 * - the stored (cached) diff, the same comparison made anew, a draft sent as
 *   JSON text and a draft uploaded as a DOCX; req/s, p50/p99, errors, and
 *   requests over the service's time limit;
 * - /healthz, asked by a few connections while the drafts are compared;
 * - memory, measured from outside each process (/proc/<pid>/status):
 *   PGlite's own floor (PGlite alone on the same folder, with its defaults
 *   and with the service's settings), the service's peak at start (VmHWM),
 *   its idle RSS, its highest RSS under load, and after.
 *
 * BENCH_SECONDS (default 20) and BENCH_CONNECTIONS (default 50) change the load.
 * The machine's load average is printed: on a shared machine every figure moves with it.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { serviceFlags } from "../scripts/service-flags.mjs";
import { parseResolution } from "../src/core/parse/index.ts";
import { createDb } from "../src/db/client.ts";
import { pgliteStartParams } from "../src/db/pglite-settings.ts";
import { renderDocx } from "../test/helpers/render-docx.ts";
import { seed } from "../test/helpers/seed.ts";
import { syntheticTexts } from "../test/helpers/synthetic-series.ts";
import { formatTable } from "./lib/table.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** The service's time limit (src/app.ts REQUEST_TIMEOUT_MS; RESDIFF_TIME_LIMIT_MS unset). */
const TIME_LIMIT_MS = 10_000;
/** Computed-anew and draft req/s before the worker pool, on this 2-core machine (issue 12). */
const BEFORE_RPS = 137;
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

/** A line of /proc/<pid>/status in MB: VmRSS (resident now) or VmHWM (highest resident so far). */
function statusMb(pid: number | undefined, field: "VmRSS" | "VmHWM"): number {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's RSS until stopped; returns the highest seen. */
function sampleRss(pid: number | undefined): () => number {
	let highest = statusMb(pid, "VmRSS");
	const timer = setInterval(() => {
		highest = Math.max(highest, statusMb(pid, "VmRSS"));
	}, 100);
	return () => {
		clearInterval(timer);
		return Math.max(highest, statusMb(pid, "VmRSS"));
	};
}

interface Scenario {
	readonly name: string;
	readonly url: string;
	readonly method?: "GET" | "POST";
	readonly headers?: Record<string, string>;
	readonly body?: string | Buffer;
}

interface Result {
	readonly rps: number;
	readonly p50: number;
	readonly p99: number;
	readonly errors: number;
	readonly overLimit: number;
	readonly total: number;
	/** What the errors were: "503" per status answered, "socket" for connection errors, "timeout". */
	readonly kinds: Record<string, number>;
}

async function load(s: Scenario, connections = CONNECTIONS): Promise<Result> {
	let overLimit = 0;
	const kinds: Record<string, number> = {};
	const r = await new Promise<autocannon.Result>((resolve, reject) => {
		const run = autocannon(
			{
				url: s.url,
				connections,
				duration: SECONDS,
				method: s.method ?? "GET",
				headers: s.headers ?? {},
				...(s.body ? { body: s.body } : {}),
				// A request still unanswered past the limit (plus room) counts as a timeout, so an error.
				timeout: TIME_LIMIT_MS / 1000 + 5,
			},
			(error, result) => (error ? reject(error) : resolve(result)),
		);
		run.on("response", (_client, status, _bytes, ms) => {
			if (ms > TIME_LIMIT_MS) overLimit++;
			if (status < 200 || status > 299) kinds[String(status)] = (kinds[String(status)] ?? 0) + 1;
		});
		run.on("reqError", (error: Error & { code?: string }) => {
			const kind = `socket ${error.code ?? error.message}`;
			kinds[kind] = (kinds[kind] ?? 0) + 1;
		});
	});
	return {
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors + r.timeouts + r.non2xx,
		overLimit: overLimit + r.timeouts,
		total: r.requests.total,
		kinds: r.timeouts > 0 ? { ...kinds, timeout: r.timeouts } : kinds,
	};
}

function multipart(
	fields: Record<string, string>,
	file: { name: string; type: string; bytes: Uint8Array },
) {
	const boundary = "resdiff-bench-boundary";
	const parts: Buffer[] = [];
	for (const [k, v] of Object.entries(fields))
		parts.push(
			Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
		);
	parts.push(
		Buffer.from(
			`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
		),
		Buffer.from(file.bytes),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

const load1 = () =>
	loadavg()
		.map((n) => n.toFixed(2))
		.join(", ");
console.log(`load average at start: ${load1()}`);

const dataDir = join(await mkdtemp(join(tmpdir(), "resdiff-bench-http-")), "data");
const prepared = await createDb({ RESDIFF_DATA_DIR: dataDir });
await seed(prepared.db);
await prepared.close();

// PGlite's floor: PGlite alone on the same folder, measured from outside like the service.
const floor = (params: string[]) =>
	(
		JSON.parse(
			execFileSync(
				process.execPath,
				[join(root, "bench/lib/pglite-floor.mjs"), dataDir, JSON.stringify(params)],
				{
					cwd: root,
				},
			).toString(),
		) as { rssKb: number }
	).rssKb / 1024;
const floorDefault = floor([]);
const floorService = floor(pgliteStartParams());

const port = await freePort();
const service = await start(
	[...serviceFlags(), join(root, "scripts/start.mjs")],
	{ PORT: String(port), RESDIFF_DATA_DIR: dataDir, DATABASE_URL: "" },
	/listening on/,
);
const peakAtStart = statusMb(service.pid, "VmHWM");
await new Promise((r) => setTimeout(r, 3000));
const idle = statusMb(service.pid, "VmRSS");

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
const docx = await renderDocx(parseResolution(syntheticTexts[1] ?? ""));
const upload = multipart(
	{ base: "99/1" },
	{
		name: "synthetic-draft.docx",
		type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		bytes: docx,
	},
);
const scenarios: Scenario[] = [
	{ name: "ceiling: node:http, same bytes", url: `http://127.0.0.1:${ceilingPort}/` },
	{ name: "stored diff (cached)", url: `${base}${diffPath}` },
	{
		name: "same comparison made anew",
		url: `${base}${diffPath}`,
		headers: { "cache-control": "no-cache" },
	},
	{
		name: "POST /api/compare (draft text)",
		url: `${base}/api/compare`,
		method: "POST",
		headers: { "content-type": "application/json" },
		body: compareBody,
	},
	{
		name: "POST /api/compare (DOCX upload)",
		url: `${base}/api/compare`,
		method: "POST",
		headers: { "content-type": upload.type },
		body: upload.body,
	},
];

console.log(
	`bench:http — ${SECONDS} s per scenario, ${CONNECTIONS} connections, loopback; body of the stored diff: ${bytes.length} bytes; the service from the compiled bundle (npm start)`,
);
const highest = sampleRss(service.pid);
const results: Record<string, Result> = {};
let healthDuringCompares: Result | undefined;
for (const s of scenarios) {
	process.stdout.write(`  running ${s.name}...\n`);
	if (s.name === "POST /api/compare (draft text)") {
		// A few clients ask /healthz while the drafts are compared.
		const [r, h] = await Promise.all([
			load(s),
			load({ name: "healthz", url: `${base}/healthz` }, 2),
		]);
		results[s.name] = r;
		healthDuringCompares = h;
	} else {
		results[s.name] = await load(s);
	}
}
const underLoad = highest();
await new Promise((r) => setTimeout(r, 3000));
const after = statusMb(service.pid, "VmRSS");
const ceilingRps = results[scenarios[0]?.name ?? ""]?.rps ?? 1;

console.log(
	formatTable(
		[
			"scenario",
			"req/s",
			"vs ceiling",
			`vs ${BEFORE_RPS} before`,
			"p50 ms",
			"p99 ms",
			"errors",
			`over ${TIME_LIMIT_MS / 1000} s`,
			"requests",
		],
		[
			...scenarios.map((s) => {
				const r = results[s.name];
				return [
					s.name,
					r?.rps.toFixed(0) ?? "",
					((r?.rps ?? 0) / ceilingRps).toFixed(2),
					((r?.rps ?? 0) / BEFORE_RPS).toFixed(2),
					String(r?.p50 ?? ""),
					String(r?.p99 ?? ""),
					String(r?.errors ?? ""),
					String(r?.overLimit ?? ""),
					String(r?.total ?? ""),
				];
			}),
			[
				"/healthz during draft compares (2 conns)",
				healthDuringCompares?.rps.toFixed(0) ?? "",
				"",
				"",
				String(healthDuringCompares?.p50 ?? ""),
				String(healthDuringCompares?.p99 ?? ""),
				String(healthDuringCompares?.errors ?? ""),
				String(healthDuringCompares?.overLimit ?? ""),
				String(healthDuringCompares?.total ?? ""),
			],
		],
	),
);
for (const [name, r] of Object.entries(results))
	if (r.errors > 0)
		console.log(
			`errors in ${name}: ${Object.entries(r.kinds)
				.map(([k, n]) => `${n} × ${k}`)
				.join(", ")}`,
		);
const mb = (n: number) => `${n.toFixed(0)} MB`;
/** A difference in MB as words: "35 MB above", "114 MB below". */
const aboveOrBelow = (n: number) => `${mb(Math.abs(n))} ${n < 0 ? "below" : "above"}`;
console.log(
	formatTable(
		["memory (RSS from /proc, outside the process)", "MB"],
		[
			["PGlite alone on the same folder, its defaults (floor)", mb(floorDefault)],
			["PGlite alone on the same folder, the service's settings", mb(floorService)],
			["service: peak at start (VmHWM)", mb(peakAtStart)],
			["service: idle after start", mb(idle)],
			["service: highest under load", mb(underLoad)],
			["service: after load", mb(after)],
		],
	),
);
const cached = results[scenarios[1]?.name ?? ""];
const anew = results[scenarios[2]?.name ?? ""];
const draft = results[scenarios[3]?.name ?? ""];
const uploaded = results[scenarios[4]?.name ?? ""];
const all = Object.values(results);
console.log(
	[
		`target: cached diff at least 0.5 of the ceiling (got ${((cached?.rps ?? 0) / ceilingRps).toFixed(2)}) with p99 under 20 ms (got ${cached?.p99} ms)`,
		`target: computed anew and drafts at least ${2 * BEFORE_RPS} req/s (got ${anew?.rps.toFixed(0)}, ${draft?.rps.toFixed(0)} text, ${uploaded?.rps.toFixed(0)} DOCX)`,
		`target: no request over the time limit (got ${all.reduce((n, r) => n + r.overLimit, 0)}) and zero errors (got ${all.reduce((n, r) => n + r.errors, 0)})`,
		`target: /healthz p99 under 50 ms while compares run (got ${healthDuringCompares?.p99} ms)`,
		`target: service idle within 100 MB of PGlite's floor (got ${aboveOrBelow(idle - floorDefault)} its defaults' floor, ${aboveOrBelow(idle - floorService)} the same settings'), under 400 MB under load (got ${mb(underLoad)})`,
		`load average at end: ${load1()}`,
	].join("\n"),
);

service.kill("SIGTERM");
ceiling.kill("SIGTERM");
