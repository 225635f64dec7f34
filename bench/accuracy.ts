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
import { chainedPairs, realFolder } from "../test/helpers/real-pairs.ts";
import { loadRealSeries } from "../test/helpers/real-series.ts";
import {
	controlTable,
	editTable,
	missExamples,
	type Named,
	scoreTable,
} from "./lib/accuracy-report.ts";
import { baseResolution } from "./lib/base.ts";
import { byDiffArrays, byExactLcs, byLcsGreedy, byPosition } from "./lib/baselines.ts";
import { editCounts, evaluate, type Method, makePairs } from "./lib/evaluate.ts";
import {
	calibrationTable,
	changedLead,
	clauseTable,
	engineClauses,
	labelledClauses,
	type RealMethod,
	realCalibration,
	realMisses,
	realPairsTable,
	runRealPairs,
	skippedNotices,
} from "./lib/real-pairs.ts";
import { realSeriesFolder, realSeriesTable } from "./lib/real-series.ts";
import {
	insertedWords,
	type NoveltyMethod,
	phraseNovelty,
	realSpansTable,
	runRealSpans,
	spanF1,
	unseenWords,
	wholeNewParagraphs,
} from "./lib/real-spans.ts";
import { emptyBoard, micro, STATUSES } from "./lib/score.ts";
import { rewriteSweep, structuralSweep } from "./lib/sweep.ts";
import { ms, ratio } from "./lib/table.ts";

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

// Real pairs, labelled by reading: the judge. Same run, same grader, the engine beside three baselines.
const realMethods: [string, RealMethod][] = [
	["resdiff", (a, b) => compare(a, b).changes],
	["position", byPosition],
	["exact LCS", byExactLcs],
	["LCS+greedy>=0.4", (a, b) => byLcsGreedy(a, b, 0.4)],
];
const real = runRealPairs(realMethods.map(([, m]) => m));
if (real.pairs.length > 0) {
	console.log(
		"\nReal consecutive pairs, labelled by reading (test/fixtures/real-pairs): outcome-level F1, an outcome right when its old refs, new refs and status all match; judgement calls left out\n",
	);
	console.log(
		realPairsTable(
			real,
			realMethods.map(([name]) => name),
		),
	);
	const figures = changedLead(real);
	if (figures) {
		console.log(
			`\nChanged outcomes: resdiff ${ratio(figures.engine)} (target >= 0.95, every pair >= 0.90), best baseline ${ratio(figures.best)}, lead ${ratio(figures.lead)} (target >= 0.10)`,
		);
		console.log(
			`Synthetic, same run: changes only ${ratio(
				micro(
					engine?.result.board ?? emptyBoard(),
					STATUSES.filter((x) => x !== "unchanged"),
				).f1,
			)}, all statuses ${ratio(micro(engine?.result.board ?? emptyBoard()).f1)}`,
		);
	}
	console.log("\nresdiff on the real pairs: what it got wrong\n");
	console.log(realMisses(real, 0));
	console.log(
		"\nConfidence on the real pairs: share of paired outcomes the labels confirm (target: high >= 0.98, low clearly below medium)\n",
	);
	console.log(calibrationTable(realCalibration((a, b) => compare(a, b).changes)));
	const lineages = (["mali", "somalia"] as const).flatMap((series) => {
		const folder = realFolder(series);
		if (!folder) return [];
		const members = loadRealSeries(folder);
		return [
			{
				name: series,
				members: members.length,
				engine: engineClauses(members),
				labels: labelledClauses(series, members),
			},
		];
	});
	console.log(
		"\nLineage over the real series: clauses (rows), those held by one member only, and those revived after a gap, beside what chaining the labels implies\n",
	);
	console.log(clauseTable(lineages));
}
if (real.skipped.length > 0) console.log(`\n${skippedNotices(real)}`);

// Pairs a year apart: more editing between the two texts, labels chained from the two readings.
const chained = runRealPairs(
	realMethods.map(([, m]) => m),
	chainedPairs(),
);
if (chained.pairs.length > 0) {
	console.log(
		"\nReal pairs a year apart (each member against the one two places later): labels chained from the two consecutive readings, with paragraphs read as restored after a year's absence (test/fixtures/real-pairs/revivals.json); judgement calls, and outcomes chained through one, left out\n",
	);
	console.log(
		realPairsTable(
			chained,
			realMethods.map(([name]) => name),
		),
	);
	const figures = changedLead(chained);
	if (figures)
		console.log(
			`\nChanged outcomes a year apart: resdiff ${ratio(figures.engine)}, best baseline ${ratio(figures.best)}, lead ${ratio(figures.lead)}`,
		);
	console.log("\nresdiff a year apart: what it got wrong\n");
	console.log(realMisses(chained, 0));
	console.log("\nConfidence a year apart: share of paired outcomes the chained labels confirm\n");
	console.log(calibrationTable(realCalibration((a, b) => compare(a, b).changes, chainedPairs())));
}

// New wording inside real paragraphs, labelled by reading: word-level precision and recall.
const spanMethods: [string, NoveltyMethod][] = [
	["resdiff", phraseNovelty],
	["whole new paragraphs", wholeNewParagraphs],
	["inserted words", insertedWords],
	["unseen words", unseenWords],
];
const spans = runRealSpans(spanMethods.map(([, m]) => m));
if (spans.members.length > 0) {
	console.log(
		"\nNew wording in real paragraphs, labelled by reading (test/fixtures/real-spans): precision and recall of new words; words a reader could call either way left out\n",
	);
	console.log(
		realSpansTable(
			spans,
			spanMethods.map(([name]) => name),
		),
	);
	const [engineSpans, ...baselineSpans] = spans.totals;
	if (engineSpans) {
		const best = Math.max(...baselineSpans.map(spanF1));
		console.log(
			`\nNew words: resdiff F1 ${ratio(spanF1(engineSpans))}, best baseline ${ratio(best)}, lead ${ratio(spanF1(engineSpans) - best)}`,
		);
	}
}
if (spans.skipped.length > 0)
	console.log(`\nNew-wording labels skipped (texts not available): ${spans.skipped.join(", ")}`);

const dir = realSeriesFolder();
if (dir) {
	console.log("\ncompare() over the real series (consecutive members, counts of outcomes)\n");
	console.log(realSeriesTable(dir, compare));
}
