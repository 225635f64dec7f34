/**
 * npm run bench:speed -- [--seed 1] [--hostile-timeout 60] [--anchor-timeout 120]
 *
 * Times compare() on 37/39 against an edited copy at 1x, 10x and 100x the
 * paragraph count (scaled synthetic texts), beside one whole-text diffWords
 * of the same pair (the naive anchor); prints medians, the ratio to the
 * anchor and the growth between sizes; then runs the hostile inputs, each in
 * a child process with a time bound, and says how each ended.
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { diffWords } from "diff";
import { compare } from "../src/core/diff/index.ts";
import type { Resolution } from "../src/core/model.ts";
import { toOfficialText } from "../src/core/parse/index.ts";
import { generatePair } from "./generator/pairs.ts";
import { baseResolution, repoRoot } from "./lib/base.ts";
import { CASES, type CaseResult } from "./lib/hostile.ts";
import { scaleResolution } from "./lib/scale.ts";
import { formatTable, ms, ratio } from "./lib/table.ts";
import { measure, type Timing } from "./lib/timing.ts";

const { values } = parseArgs({
	options: {
		seed: { type: "string", default: "1" },
		"hostile-timeout": { type: "string", default: "60" },
		"anchor-timeout": { type: "string", default: "120" },
	},
});
const seed = Number(values.seed);
const hostileTimeout = Number(values["hostile-timeout"]) * 1000;
const anchorTimeout = Number(values["anchor-timeout"]) * 1000;

interface Size {
	readonly factor: number;
	readonly old: Resolution;
	readonly new: Resolution;
	readonly oldText: string;
	readonly newText: string;
	readonly edits: number;
}

/** The base scaled `factor` times, and a copy with 4 seeded edits per 53 paragraphs. */
function makeSize(base: Resolution, factor: number): Size {
	const old = factor === 1 ? base : scaleResolution(base, factor, seed);
	const pair = generatePair(old, seed + factor, {
		edits: [4 * factor, 4 * factor],
		reparse: factor === 1,
		baseName: factor === 1 ? "37/39" : `a ${factor}x scaling of 37/39`,
	});
	return {
		factor,
		old,
		new: pair.new,
		oldText: toOfficialText(old),
		newText: pair.newText,
		edits: pair.edits.length,
	};
}

const RUNS: Record<number, { warmup: number; runs: number; budgetMs: number }> = {
	1: { warmup: 10, runs: 31, budgetMs: 5_000 },
	10: { warmup: 3, runs: 15, budgetMs: 10_000 },
	100: { warmup: 1, runs: 5, budgetMs: 30_000 },
};

// Other work on the machine inflates timings; the load average says how much to trust them.
const loadStart = loadavg()
	.map((x) => x.toFixed(2))
	.join(" ");
const base = baseResolution();
const sizes = [1, 10, 100].map((f) => makeSize(base, f));
const rows: (string | number)[][] = [];
const results: { size: Size; compare: Timing; anchor: Timing | null }[] = [];
for (const size of sizes) {
	const plan = RUNS[size.factor] ?? { warmup: 1, runs: 3, budgetMs: 10_000 };
	// Each run gets paragraph lists of its own: compare() keeps what it read of a list it has seen,
	// which would time a second reading of the same texts, not a comparison.
	const compareTime = measure(
		() =>
			compare(
				{ ...size.old, paragraphs: [...size.old.paragraphs] },
				{ ...size.new, paragraphs: [...size.new.paragraphs] },
			),
		plan,
	);
	let timedOut = false;
	const anchorRun = () => {
		if (diffWords(size.oldText, size.newText, { timeout: anchorTimeout }) === undefined)
			timedOut = true;
	};
	// The anchor may be slow at 100x: one warm-up at most, and fewer runs when it is.
	const anchor = measure(anchorRun, {
		warmup: size.factor === 100 ? 0 : plan.warmup,
		runs: plan.runs,
		budgetMs: plan.budgetMs,
		minRuns: size.factor === 100 ? 1 : 3,
	});
	results.push({ size, compare: compareTime, anchor: timedOut ? null : anchor });
	console.error(`  measured ${size.factor}x`);
}

const growth = (t2: number, t1: number, n2: number, n1: number) =>
	Math.log(t2 / t1) / Math.log(n2 / n1);
results.forEach(({ size, compare: c, anchor }, i) => {
	const prev = results[i - 1];
	const n = size.old.paragraphs.length;
	const grow = (pick: (r: (typeof results)[number]) => number | null) => {
		if (!prev) return "";
		const a = pick(results[i] as (typeof results)[number]);
		const b = pick(prev);
		return a !== null && b !== null ? ratio(growth(a, b, n, prev.size.old.paragraphs.length)) : "-";
	};
	rows.push([
		`${size.factor}x`,
		`${n} -> ${size.new.paragraphs.length}`,
		size.edits,
		`${(Buffer.byteLength(size.oldText) / 1024).toFixed(0)} KB`,
		ms(c.median),
		ms(c.min),
		c.runs,
		anchor ? ms(anchor.median) : `> ${ms(anchorTimeout)} (timed out)`,
		anchor ? anchor.runs : 1,
		anchor ? ratio(c.median / anchor.median) : `< ${ratio(c.median / anchorTimeout)}`,
		grow((r) => r.compare.median),
		grow((r) => r.anchor?.median ?? null),
	]);
});

console.log(
	`Speed: compare() against one whole-text diffWords (diff 9), seed ${seed}, Node ${process.version}, ${cpus().length} CPUs, load average at start ${loadStart}\n`,
);
console.log(
	formatTable(
		[
			"size",
			"paragraphs",
			"edits",
			"text",
			"compare median",
			"min",
			"runs",
			"diffWords median",
			"runs",
			"compare/diffWords",
			"growth compare",
			"growth diffWords",
		],
		rows,
	),
);
console.log(
	"\ngrowth = log(t2/t1) / log(n2/n1) against the previous size: 1 is linear, 2 quadratic.",
);
const [one, ten, hundred] = results;
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
if (one && ten && hundred) {
	const n1 = one.size.old.paragraphs.length;
	const n3 = hundred.size.old.paragraphs.length;
	console.log("Targets:");
	console.log(
		`  1x: compare faster than one diffWords: ${one.anchor ? verdict(one.compare.median < one.anchor.median) : "anchor timed out"} (${ms(one.compare.median)} vs ${one.anchor ? ms(one.anchor.median) : "-"})`,
	);
	console.log(`  10x under 50 ms: ${verdict(ten.compare.median < 50)} (${ms(ten.compare.median)})`);
	console.log(
		`  100x under 2 s: ${verdict(hundred.compare.median < 2000)} (${ms(hundred.compare.median)})`,
	);
	const overall = growth(hundred.compare.median, one.compare.median, n3, n1);
	console.log(
		`  growth no worse than quadratic: ${verdict(overall <= 2)} (1x -> 100x exponent ${ratio(overall)})`,
	);
}

console.log(`\nHostile inputs (each in a child process, bound ${ms(hostileTimeout)})\n`);
const hostileRows = CASES.map(({ name, what }) => {
	const start = performance.now();
	const child = spawnSync(
		process.execPath,
		["--import", "tsx", join(repoRoot, "bench", "hostile-case.ts"), name],
		{
			cwd: repoRoot,
			encoding: "utf8",
			timeout: hostileTimeout,
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	const wall = performance.now() - start;
	if (child.error || child.status !== 0) {
		const why = child.signal
			? `killed (${child.signal}) after ${ms(wall)}: did not finish within the bound`
			: `exit ${child.status}: ${(child.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}`;
		return [what, "no result", ms(wall), why];
	}
	const result = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as CaseResult;
	return [what, result.outcome, ms(result.ms), result.detail];
});
console.log(formatTable(["case", "ended with", "time", "detail"], hostileRows, "llrl"));
