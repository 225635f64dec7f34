/**
 * Chaining two readings' labels into the labels of the pair a year apart
 * (bench:accuracy's second real table). The labels here are made up for the
 * test; the real ones are read at run time.
 */
import { describe, expect, it } from "vitest";
import { chainLabels, type Label } from "../helpers/real-pairs.ts";

const key = (l: Label) =>
	`${[...l.from].sort().join("+")}>${[...l.to].sort().join("+")} ${l.status}${l.judgement ? " ?" : ""}`;

describe("chainLabels", () => {
	it("follows each paragraph through the text between", () => {
		const first: Label[] = [
			{ from: ["PP1"], to: ["PP1"], status: "unchanged" },
			{ from: ["PP2"], to: ["PP2"], status: "reworded" },
			{ from: ["OP1"], to: [], status: "removed" },
			{ from: ["OP2"], to: ["OP1"], status: "unchanged" },
			{ from: [], to: ["OP2"], status: "new" },
		];
		const second: Label[] = [
			{ from: ["PP1"], to: ["PP2"], status: "unchanged" },
			{ from: ["PP2"], to: ["PP3"], status: "unchanged" },
			{ from: [], to: ["PP1"], status: "new" },
			{ from: ["OP1"], to: ["OP1"], status: "reworded" },
			{ from: ["OP2"], to: [], status: "removed" },
		];
		expect(chainLabels(first, second).map(key).sort()).toEqual(
			[
				"PP1>PP2 unchanged",
				"PP2>PP3 reworded",
				">PP1 new",
				"OP1> removed",
				"OP2>OP1 reworded",
			].sort(),
		);
	});

	it("keeps merges and splits whole, and leaves several-to-several and judgement calls to a reader", () => {
		const first: Label[] = [
			{ from: ["OP1", "OP2"], to: ["OP1"], status: "merged" },
			{ from: ["OP3"], to: ["OP2", "OP3"], status: "split" },
			{ from: ["OP4"], to: ["OP4"], status: "reworded", judgement: "readers differ" },
		];
		const second: Label[] = [
			{ from: ["OP1"], to: ["OP1"], status: "reworded" },
			{ from: ["OP2"], to: ["OP2"], status: "unchanged" },
			{ from: ["OP3"], to: ["OP3"], status: "unchanged" },
			{ from: ["OP4"], to: ["OP5"], status: "unchanged" },
		];
		expect(chainLabels(first, second).map(key).sort()).toEqual(
			["OP1+OP2>OP1 merged", "OP3>OP2+OP3 split", "OP4>OP5 reworded ?"].sort(),
		);
		const across = chainLabels(
			[{ from: ["OP1", "OP2"], to: ["OP1"], status: "merged" }],
			[{ from: ["OP1"], to: ["OP1", "OP2"], status: "split" }],
		);
		expect(across.map(key)).toEqual(["OP1+OP2>OP1+OP2 merged ?"]);
	});
});
