/**
 * What a worker thread hands back: a rendered body as bytes whose buffer is
 * moved to the main thread (piscina's transfer list), not a string copied.
 */
import { transferableSymbol, valueSymbol } from "piscina";
import { describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { runComputeJob, type WorkerAnswer } from "../../src/pool/compute-worker.ts";
import { packJob } from "../../src/pool/pack.ts";
import { syntheticTexts } from "../helpers/synthetic-series.ts";

const [first, second] = [0, 1].map((i) => parseResolution(syntheticTexts[i] ?? ""));

describe("a compute thread's answer", () => {
	it("moves a rendered body's bytes to the main thread, and they read as the rendering", async () => {
		if (!first || !second) throw new Error("synthetic members missing");
		const job = (kind: "represent" | "diff") =>
			packJob({
				kind: "pair",
				from: first,
				to: second,
				decisions: [],
				output: kind === "represent" ? { kind, format: "json", inline: false } : { kind },
			});
		const moved = (await runComputeJob(job("represent"))) as unknown as Record<symbol, unknown>;
		const answer = moved[valueSymbol] as WorkerAnswer;
		if (!answer.ok || answer.result.kind !== "represent") throw new Error("not a rendering");
		const body = answer.result.represented.body;
		expect(body).toBeInstanceOf(ArrayBuffer);
		expect(moved[transferableSymbol]).toBe(body);
		const text = new TextDecoder().decode(body as ArrayBuffer);
		const plain = await runComputeJob(job("diff"));
		if (!plain.ok || plain.result.kind !== "diff") throw new Error("not a diff");
		expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(plain.result.diff)));
	});
});
