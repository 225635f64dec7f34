/**
 * `resdiff new-language` at the phrase level and `resdiff sources`, from the
 * corpus folder and from a database. The series is synthetic: 99/1 and a 99/2
 * made from 37/39 by scripted edits (test/helpers/synthetic-series.ts), with
 * one more scripted edit here, a clause added to OP1; none is a UN document.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { tempDataDir } from "../helpers/db.ts";
import { corpusDir } from "../helpers/paths.ts";
import { syntheticManifest, syntheticTexts } from "../helpers/synthetic-series.ts";

const CLAUSE = "deplores the synthetic closure of seventeen rural clinics";

let corpus: string;
let files: string[];

beforeAll(() => {
	corpus = mkdtempSync(join(tmpdir(), "resdiff-cli-sources-"));
	cpSync(corpusDir, corpus, { recursive: true });
	const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
	manifest.series.push(
		...syntheticManifest.series.map((s) => ({
			...s,
			members: s.members.slice(0, 2).map((m, k) => ({ ...m, file: `synthetic-99-${k + 1}.txt` })),
		})),
	);
	writeFileSync(join(corpus, "manifest.json"), JSON.stringify(manifest, null, 2));
	const second = (syntheticTexts[1] ?? "").replace(
		"against itinerant traders;",
		`against itinerant traders, and ${CLAUSE};`,
	);
	expect(second).toContain(CLAUSE);
	files = [syntheticTexts[0] ?? "", second].map((t, k) => {
		const path = join(corpus, `synthetic-99-${k + 1}.txt`);
		writeFileSync(path, t);
		return path;
	});
});

function expectAnswers(newLanguage: string, sources: string): void {
	expect(newLanguage).toMatch(
		/^1 operative paragraph\(s\)\nOP4 {4}Welcomes the synthetic test commitment/m,
	);
	expect(newLanguage).toMatch(
		/^1 reworded operative paragraph\(s\) with new wording, marked \{\+…\+\}\nOP1 {4}Strongly condemns/m,
	);
	expect(newLanguage.replace(/\n {7}/g, " ")).toContain(`{+${CLAUSE};+}`);
	expect(sources).toMatch(
		/^A\/HRC\/RES\/99\/2, annotated with its sources\n\nPP1 {4}— from 99\/1 PP1\n/,
	);
	expect(sources.replace(/\n {9}/g, " ")).toContain(
		`OP1    — from 99/1 OP1, amended; new: “${CLAUSE}”`,
	);
	expect(sources).toMatch(/^OP4 {4}— new$/m);
	expect(sources).toMatch(/^OP8 {4}— from 99\/1 OP7, amended$/m);
}

describe("resdiff new-language and sources", () => {
	it("answers from the corpus folder", async () => {
		const env = { RESDIFF_CORPUS: corpus };
		const fresh = await runCli(["new-language", "99/2"], env);
		const sources = await runCli(["sources", "99-2"], env);
		expect([fresh.stderr, sources.stderr]).toEqual(["", ""]);
		expectAnswers(fresh.stdout, sources.stdout);
	});

	it("answers the same from a database, and as JSON whose spans join to each paragraph", async () => {
		const env = { RESDIFF_CORPUS: corpus, RESDIFF_DATA_DIR: tempDataDir() };
		expect((await runCli(["import", ...files], env)).code).toBe(0);
		const fresh = await runCli(["new-language", "99/2"], env);
		const sources = await runCli(["sources", "99/2"], env);
		expectAnswers(fresh.stdout, sources.stdout);
		const json = JSON.parse(
			(await runCli(["sources", "99/2", "--format", "json"], env)).stdout,
		) as {
			paragraphs: { text: string; spans: { text: string }[] }[];
		};
		expect(json.paragraphs).toHaveLength(53);
		for (const p of json.paragraphs) expect(p.spans.map((s) => s.text).join("")).toBe(p.text);
	}, 120_000);

	it("says what is wrong with the arguments", async () => {
		expect(await runCli(["sources"], { RESDIFF_CORPUS: corpus })).toMatchObject({ code: 2 });
		const unknown = await runCli(["sources", "12/34"], { RESDIFF_CORPUS: corpus });
		expect(unknown.code).not.toBe(0);
		expect(unknown.stderr).toMatch(/^resdiff: 12\/34 is in no series of the manifest/);
	});
});
