/**
 * Jobs cross to worker threads with their resolutions as JSON text: what the
 * worker reads back is the resolution that was sent, and a stored member
 * loaded once is written once and parsed once per thread.
 */
import { describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { ParsedResolutions, packJob, packResolution } from "../../src/pool/pack.ts";
import { shippedText } from "../helpers/paths.ts";
import { syntheticTexts } from "../helpers/synthetic-series.ts";

const shipped = parseResolution(shippedText());

describe("jobs packed for a worker thread", () => {
	it("give the worker the resolutions that were sent, for drafts and for pairs", () => {
		const later = parseResolution(syntheticTexts[1] ?? "");
		const worker = new ParsedResolutions();
		const draft = worker.unpack(
			packJob({ kind: "draft", base: shipped, draft: { text: "x" }, output: { kind: "diff" } }),
		);
		expect(draft.kind === "draft" && draft.base).toEqual(shipped);
		const pair = worker.unpack(
			packJob({ kind: "pair", from: shipped, to: later, decisions: [], output: { kind: "diff" } }),
		);
		expect(pair.kind === "pair" && [pair.from, pair.to]).toEqual([shipped, later]);
	});

	it("write a loaded member once, and a member loaded anew (read fresh) under a key of its own", () => {
		expect(packResolution(shipped)).toBe(packResolution(shipped));
		const reread = parseResolution(shippedText());
		expect(packResolution(reread).key).not.toBe(packResolution(shipped).key);
	});

	it("parse a member once per thread while it is among the last sixteen used", () => {
		const worker = new ParsedResolutions();
		const packed = packResolution(shipped);
		const first = worker.get(packed);
		expect(worker.get(packed)).toBe(first);
		for (let i = 0; i < 16; i++) worker.get(packResolution(parseResolution(shippedText())));
		// Pushed out by sixteen others: parsed again, equal but a new object.
		const again = worker.get(packed);
		expect(again).not.toBe(first);
		expect(again).toEqual(first);
	});
});
