/** lineage() and newLanguage() on small synthetic series. */
import { describe, expect, it } from "vitest";
import { lineage, newLanguage } from "../../src/core/lineage/index.ts";
import { synthetic } from "../helpers/texts.ts";

const A = "Recalling its resolutions on technical assistance to the country concerned,";
const B =
	"1. Strongly condemns the attacks against civilians and peacekeepers in the northern regions;";
const C =
	"2. Calls upon the Government to investigate all allegations of violations and to bring perpetrators to justice;";
const D = "3. Decides to remain seized of the matter.";
const E =
	"2. Welcomes the holding of peaceful elections within the time frame set by the Constitution;";

const cellsOf = (lin: ReturnType<typeof lineage>, ref: string, member: number) =>
	lin.clauses
		.find((c) => c.cells[member]?.ref === ref)
		?.cells.map((c) => (c ? `${c.ref}:${c.status}` : null));

describe("lineage", () => {
	it("chains each paragraph through the members, with its status against the one before", () => {
		const series = [
			synthetic("91/1", A, B, C.replace("2.", "2."), D),
			synthetic(
				"92/1",
				A,
				B.replace("Strongly condemns", "Condemns"),
				E,
				C.replace("2.", "3."),
				D.replace("3.", "4."),
			),
		];
		const lin = lineage(series);
		expect(cellsOf(lin, "OP1", 1)).toEqual(["OP1:new", "OP1:reworded"]);
		expect(cellsOf(lin, "OP3", 1)).toEqual(["OP2:new", "OP3:unchanged"]);
		expect(cellsOf(lin, "OP2", 1)).toEqual([null, "OP2:new"]);
		expect(lin.clauses.find((c) => c.cells[1]?.ref === "OP2")?.first).toBe(1);
		expect(lin.clauses.map((c) => c.cells[1]?.ref)).toEqual(["PP1", "OP1", "OP2", "OP3", "OP4"]);
		expect(lin.pairs[0]?.summary.leadShifts.weaker).toBe(1);
	});

	it("keeps a removed clause's row where it stood", () => {
		const series = [synthetic("91/1", A, B, C, D), synthetic("92/1", A, B, D.replace("3.", "2."))];
		const lin = lineage(series);
		expect(lin.clauses.map((c) => c.cells.map((x) => x?.ref ?? "-").join(" "))).toEqual([
			"PP1 PP1",
			"OP1 OP1",
			"OP2 -",
			"OP3 OP2",
		]);
	});

	it("continues a clause whose language comes back after a gap year, dating it from its first member", () => {
		const series = [
			synthetic("91/1", A, B, C, D),
			synthetic("92/1", A, B, D.replace("3.", "2.")),
			synthetic("93/1", A, B, C, D),
		];
		const lin = lineage(series);
		const revived = lin.clauses.find((c) => c.cells[2]?.ref === "OP2");
		expect(revived?.first).toBe(0);
		expect(revived?.cells.map((c) => c?.status ?? null)).toEqual(["new", null, "new"]);
		expect(newLanguage(series, 2).operative).toEqual([]);
	});

	it("lists as new language only what no earlier member said", () => {
		const series = [
			synthetic("91/1", A, B, C, D),
			synthetic("92/1", A, B, E.replace("2.", "2."), C.replace("2.", "3."), D.replace("3.", "4.")),
		];
		const fresh = newLanguage(series, "A/HRC/RES/92/1");
		expect(fresh.operative.map((p) => p.ref)).toEqual(["OP2"]);
		expect(fresh.preambular).toEqual([]);
		expect(newLanguage(series, 0).operative.map((p) => p.ref)).toEqual(["OP1", "OP2", "OP3"]);
		expect(() => newLanguage(series, "A/HRC/RES/1/1")).toThrow(
			/not a member of this series; members: A\/HRC\/RES\/91\/1, A\/HRC\/RES\/92\/1/,
		);
	});
});
