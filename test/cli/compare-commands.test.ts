import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StructuredDiff } from "../../src/core/diff/index.ts";
import { Lineage, NewLanguage } from "../../src/core/lineage/index.ts";
import { runCli } from "../helpers/cli.ts";
import { corpusDir } from "../helpers/paths.ts";
import { syntheticManifest, syntheticTexts } from "../helpers/synthetic-series.ts";

/** A synthetic edit of the shipped 37/39, written to a temporary file. */
function editedCopy(): string {
	const dir = mkdtempSync(join(tmpdir(), "resdiff-cli-"));
	const text = readFileSync(join(corpusDir, "A-HRC-RES-37-39.txt"), "utf8")
		.replace("37/39.\tTechnical", "99/1.\tSynthetic edit of 37/39: Technical")
		.replace("at its fortieth session;", "at its forty-third session;")
		.replace("7.\tEncourages the Malian authorities", "7.\tUrges the Malian authorities");
	const path = join(dir, "synthetic-edit.txt");
	writeFileSync(path, text);
	return path;
}

describe("resdiff diff", () => {
	it("prints exactly the structured diff as JSON", async () => {
		const { code, stdout } = await runCli(["diff", "37/39", editedCopy(), "--format", "json"]);
		expect(code).toBe(0);
		const diff = StructuredDiff.parse(JSON.parse(stdout));
		expect(diff.from.symbol).toBe("A/HRC/RES/37/39");
		expect(diff.to.symbol).toBe("A/HRC/RES/99/1");
		expect(diff.summary).toMatchObject({
			unchanged: 51,
			reworded: 2,
			routine: 1,
			leadShifts: { stronger: 1 },
		});
		expect(diff.changes.find((c) => c.to[0]?.ref === "OP7")?.lead).toEqual({
			from: "Encourages",
			to: "Urges",
			shift: "stronger",
		});
	});

	it("prints a redline for a person, with brackets where there is no colour", async () => {
		const { code, stdout } = await runCli(["diff", "37/39", editedCopy()]);
		expect(code).toBe(0);
		expect(stdout).toContain("51 unchanged, 2 reworded (1 routine), 0 new, 0 removed");
		expect(stdout).toContain("OP7  reworded (lead stronger: Encourages → Urges, 96% similar)");
		expect(stdout).toContain("[-Encourages-]{+Urges+} the Malian authorities");
		expect(stdout).toContain("[-fortieth-]{+forty-third+} session;");
	});

	it("says what is wrong with its arguments", async () => {
		expect(await runCli(["diff", "37/39"])).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/^resdiff: usage: resdiff diff \[<old> <new>\]/),
		});
		expect((await runCli(["diff", "37/39", "34/39"])).stderr).toMatch(
			/34\/39 is in the series but its text is not in .* yet/,
		);
	});
});

describe("resdiff lineage and new-language", () => {
	it("follows files given in order", async () => {
		const { code, stdout } = await runCli(["lineage", "37/39", editedCopy(), "--format", "json"]);
		expect(code).toBe(0);
		const lin = Lineage.parse(JSON.parse(stdout));
		expect(lin.clauses).toHaveLength(53);
		expect(lin.clauses.find((c) => c.cells[1]?.ref === "OP7")?.cells.map((c) => c?.status)).toEqual(
			["new", "reworded"],
		);
	});

	it("reads a series from the manifest and says which members are missing", async () => {
		const { code, stdout, stderr } = await runCli(["lineage", "mali-hrc"]);
		expect(code).toBe(0);
		expect(stderr).toMatch(
			/15 member\(s\) not in the corpus yet \(20\/17, 21\/25, 22\/18, 25\/36, 28\/31, 31\/28, 34\/39, 40\/26, 43\/38, 46\/28, 49\/34, 52\/42, 55\/25, 58\/30, 61\/37\); run resdiff fetch/,
		);
		expect(stdout.split("\n")[0]).toMatch(/^clause\s+since\s+37\/39/);
		expect(stdout).toMatch(/^c53\s+37\/39\s+\+OP32/m);
	});

	it("lists a member's new language against the members before it in the corpus folder", async () => {
		// A corpus folder holding the synthetic series 99/1..99/3 (made from 37/39 by scripted
		// edits): 99/2 adds one operative paragraph to 99/1 and changes others only by a word.
		const corpus = mkdtempSync(join(tmpdir(), "resdiff-cli-series-"));
		cpSync(corpusDir, corpus, { recursive: true });
		const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
		const series = syntheticManifest.series.map((s) => ({
			...s,
			members: s.members.map((m, k) => ({ ...m, file: `synthetic-99-${k + 1}.txt` })),
		}));
		manifest.series.push(...series);
		writeFileSync(join(corpus, "manifest.json"), JSON.stringify(manifest, null, 2));
		for (const [k, t] of syntheticTexts.entries())
			writeFileSync(join(corpus, `synthetic-99-${k + 1}.txt`), t);
		const { code, stdout, stderr } = await runCli(["new-language", "99/2", "--format", "json"], {
			RESDIFF_CORPUS: corpus,
		});
		expect(stderr).toBe("");
		expect(code).toBe(0);
		const fresh = NewLanguage.parse(JSON.parse(stdout));
		expect(fresh.operative.map((p) => p.ref)).toEqual(["OP4"]);
		expect(fresh.preambular).toEqual([]);
		expect((await runCli(["lineage", "no-such-series"])).stderr).toBe(
			'resdiff: unknown series "no-such-series"; known: mali-hrc\n',
		);
	});
});
