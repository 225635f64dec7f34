/**
 * npm run bench:accuracy -- [--pairs 500] [--seed 20180323] [--examples 3] [--sweep-pairs 100]
 *
 * Scores compare() on generated pairs from the shipped 37/39 (known edits,
 * known answers) beside two naive baselines graded by the same scorer, checks
 * the control pairs (identity, renumbering only), lists what the engine got
 * wrong, and summarises compare() over the real series when it is available.
 */
import { parseArgs } from "node:util";
import { compare } from "../src/core/diff/index.ts";
import {
	controlTable,
	editTable,
	missExamples,
	type Named,
	scoreTable,
} from "./lib/accuracy-report.ts";
import { baseResolution } from "./lib/base.ts";
import { byDiffArrays, byPosition } from "./lib/baselines.ts";
import { editCounts, evaluate, type Method, makePairs } from "./lib/evaluate.ts";
import { realSeriesFolder, realSeriesTable } from "./lib/real-series.ts";
import { rewriteSweep, structuralSweep } from "./lib/sweep.ts";
import { ms } from "./lib/table.ts";

const { values } = parseArgs({
	options: {
		pairs: { type: "string", default: "500" },
		seed: { type: "string", default: "20180323" },
		examples: { type: "string", default: "3" },
		"sweep-pairs": { type: "string", default: "100" },
	},
});
const count = Number(values.pairs);
const seed = Number(values.seed);

const base = baseResolution();
const started = performance.now();
const set = makePairs(base, seed, { edited: count, identity: 25, renumbering: 25 });
const generated = performance.now() - started;
const edits = editCounts(set.edited);
const totalEdits = Object.values(edits).reduce((s, n) => s + n, 0);

console.log(
	`Accuracy on ${count} generated pairs from 37/39 (seed ${seed}; ${totalEdits} edits, generated in ${ms(generated)})`,
);
console.log(
	`  edits: ${Object.entries(edits)
		.map(([k, n]) => `${k} ${n}`)
		.join(", ")}`,
);
console.log(
	"  every pair's new version is a synthetic text written with toOfficialText and read back with parseResolution\n",
);

const methods: [string, Method][] = [
	["compare", (a, b) => compare(a, b).changes],
	["position", byPosition],
	["diffArrays", byDiffArrays],
];
const results: Named[] = methods.map(([name, method]) => ({ name, result: evaluate(set, method) }));

console.log(
	"Precision, recall and F1 by category (outcomes keyed by sorted old refs > sorted new refs)\n",
);
console.log(scoreTable(results));
console.log("\nControl pairs: any outcome other than unchanged (or any move) is a failure\n");
console.log(controlTable(results));
for (const { name, result } of results) {
	console.log(`\n${name}: ${ms(result.ms)} over ${count} pairs (${ms(result.ms / count)} a pair)`);
	if (result.errors.length > 0) {
		console.log(
			`  ${result.errors.length} pairs threw, e.g. seed ${result.errors[0]?.pair.seed}: ${result.errors[0]?.error}`,
		);
	}
}

const engine = results[0];
if (engine) {
	console.log("\ncompare(): outcomes by the edit that made them\n");
	console.log(editTable(engine.result));
	console.log("\ncompare(): examples of what it got wrong\n");
	console.log(missExamples(engine.result, Number(values.examples)));
}

const sweepPairs = Number(values["sweep-pairs"]);
if (sweepPairs > 0) {
	const engineMethod: Method = (a, b) => compare(a, b).changes;
	console.log(
		`\nSensitivity of compare(), beyond the benchmark's definitions (${sweepPairs} single-edit pairs a point)\n`,
	);
	console.log(rewriteSweep(base, engineMethod, sweepPairs, seed));
	console.log("");
	console.log(structuralSweep(base, engineMethod, sweepPairs, seed));
}

const dir = realSeriesFolder();
if (dir) {
	console.log("\ncompare() over the real series (consecutive members, counts of outcomes)\n");
	console.log(realSeriesTable(dir, compare));
} else {
	console.log(
		"\n[notice] real series: skipped, set RESDIFF_REAL_SERIES to ../shared/real-series to include it",
	);
}
