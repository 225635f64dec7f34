import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REVISION_AUTHOR, renderDocx } from "../../src/render/index.ts";
import { newText, oldText } from "../../src/render/segments.ts";
import { repoRoot } from "../helpers/paths.ts";
import {
	allRevisions,
	bodyParagraphs,
	type DocxParts,
	elements,
	readDocx,
	resolvedParagraphs,
	runText,
	trackedRuns,
} from "./helpers/docx.ts";
import { CHANGES, diffOf, syntheticDiff } from "./helpers/fixture.ts";

const DATE = "2018-03-23";
const WORD_DATE = "2018-03-23T00:00:00Z";

/** The diff's insertions (or deletions) as Word holds them: one run per line, since a newline is a paragraph mark. */
function expectedRuns(op: "insert" | "delete"): string[] {
	return CHANGES.flatMap((c) =>
		c.segments
			.filter((s) => s.op === op)
			.flatMap((s) => s.text.split("\n"))
			.filter((t) => t !== ""),
	);
}

/** A PDF's text, page after page, read with pdf.js itself (not resdiff's PDF reader). */
async function pdfText(data: Uint8Array): Promise<string> {
	const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
	const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		pages.push(
			content.items.map((i) => ("str" in i ? `${i.str}${i.hasEOL ? "\n" : ""}` : "")).join(""),
		);
	}
	await pdf.destroy();
	return pages.join("\n");
}

let bytes: Uint8Array;
let docx: DocxParts;

beforeAll(async () => {
	bytes = await renderDocx(syntheticDiff(), { date: DATE });
	docx = await readDocx(bytes);
});

/** The paragraphs of the redlined text: those after the heading that opens it. */
function textParagraphs() {
	const all = bodyParagraphs(docx.document);
	const start = all.findIndex((p) => p.style === "Heading2");
	return all.slice(start + 1);
}

describe("renderDocx: tracked changes", () => {
	it("returns the bytes of a zip package", () => {
		expect(bytes).toBeInstanceOf(Uint8Array);
		expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
		expect(docx.files).toContain("word/document.xml");
	});

	it("has w:ins runs whose texts are the diff's insertions, in order", () => {
		const runs = trackedRuns(docx.document, "w:ins").filter((r) => !r.isNumber);
		expect(runs.map((r) => r.text)).toEqual(expectedRuns("insert"));
	});

	it("has w:del runs whose texts are the diff's deletions, in order", () => {
		const runs = trackedRuns(docx.document, "w:del").filter((r) => !r.isNumber);
		expect(runs.map((r) => r.text)).toEqual(expectedRuns("delete"));
	});

	it("signs every revision, paragraph marks included, resdiff with the comparison's date and a unique id", () => {
		const revisions = allRevisions(docx.document);
		expect(revisions.length).toBeGreaterThan(expectedRuns("insert").length);
		for (const el of revisions) {
			expect(el.getAttribute("w:author")).toBe(REVISION_AUTHOR);
			expect(el.getAttribute("w:date")).toBe(WORD_DATE);
		}
		const ids = revisions.map((el) => el.getAttribute("w:id"));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it("accepting all changes gives the new text, paragraph by paragraph", () => {
		const accepted = resolvedParagraphs(textParagraphs(), "accept").map((t) =>
			t.replace(/^\d+\.\t/, ""),
		);
		const expected = CHANGES.flatMap((c) =>
			c.to.length > 0 ? newText(c.segments).split("\n") : [],
		);
		expect(accepted).toEqual(expected);
	});

	it("rejecting all changes gives the old text, paragraph by paragraph", () => {
		const rejected = resolvedParagraphs(textParagraphs(), "reject").map((t) =>
			t.replace(/^\d+\.\t/, ""),
		);
		const expected = CHANGES.flatMap((c) =>
			c.from.length > 0 ? oldText(c.segments).split("\n") : [],
		);
		expect(rejected).toEqual(expected);
	});

	it("deletes a removed paragraph whole, mark included, and inserts a new one whole", () => {
		const paragraphs = textParagraphs();
		const removed = paragraphs.find((p) =>
			runText(p.el).includes("Calls upon all synthetic parties to cooperate fully;"),
		);
		expect(removed?.mark).toBe("delete");
		expect(removed && elements(removed.el, "w:t").map((t) => t.textContent)).toEqual([]);
		const added = paragraphs.find((p) => runText(p.el).startsWith("Noting (synthetic)"));
		expect(added?.mark).toBe("insert");
	});

	it("turns track changes on, so the reader's own edits are tracked too", () => {
		expect(docx.settings && elements(docx.settings, "w:trackRevisions")).toHaveLength(1);
	});
});

describe("renderDocx: numbering and notes", () => {
	it("numbers operative paragraphs as in the new text; removed and merged-away numbers are deleted", () => {
		const numbers = textParagraphs().flatMap((p) => {
			const m = /^(\d+\.)\t/.exec(runText(p.el));
			return m ? [m[1]] : [];
		});
		expect(numbers).toEqual(["1.", "2.", "3.", "3.", "5.", "4.", "5.", "6.", "7.", "8."]);
		const deleted = trackedRuns(docx.document, "w:del")
			.filter((r) => r.isNumber)
			.map((r) => r.text);
		expect(deleted).toEqual(["3.", "5."]);
		const inserted = trackedRuns(docx.document, "w:ins")
			.filter((r) => r.isNumber)
			.map((r) => r.text);
		// The split's second paragraph, and the preambular paragraph that became operative.
		expect(inserted).toEqual(["5.", "7."]);
		const accepted = resolvedParagraphs(textParagraphs(), "accept").flatMap(
			(t) => /^(\d+)\.\t/.exec(t)?.[1] ?? [],
		);
		expect(accepted).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
	});

	it("notes moves, merges, splits, lead shifts, routine updates and footnotes in comments by resdiff", () => {
		const comments = docx.comments ? elements(docx.comments, "w:comment") : [];
		const texts = comments.map((c) => runText(c));
		expect(texts).toEqual([
			"PP2: Reworded. Routine update: session numbers, years, dates or document symbols only.",
			"PP3: Unchanged. Was PP5. Moved.",
			"OP1: Reworded. Lead stronger: Encourages → Urges.",
			"OP2: Reworded. Footnotes in 34/39: [1] A/HRC/37/78. Footnotes in 37/39: [1] A/HRC/40/1.",
			"OP3: Merged. Merged from OP4 + OP5.",
			"OP4 + OP5: Split. Split from OP6.",
			"OP6: Reworded. Was OP7. Lead weaker: Demands → Calls upon.",
			"OP8: Reworded. Was OP9. Moved. Lead changed: Notes → Decides.",
		]);
		for (const c of comments) expect(c.getAttribute("w:author")).toBe(REVISION_AUTHOR);
		const anchored = elements(docx.document, "w:commentReference").map((r) =>
			r.getAttribute("w:id"),
		);
		expect(anchored).toEqual(comments.map((c) => c.getAttribute("w:id")));
	});

	it("opens with a title naming both versions and a table of counts", () => {
		const paragraphs = bodyParagraphs(docx.document);
		expect(runText(paragraphs[0]?.el as globalThis.Element)).toBe(
			"Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39",
		);
		const rows = elements(docx.document, "w:tr").map((tr) =>
			elements(tr, "w:tc").map((tc) => runText(tc)),
		);
		expect(rows[0]).toEqual(["Change", "Paragraphs"]);
		expect(rows).toContainEqual(["+ New", "1"]);
		expect(rows).toContainEqual(["− Removed", "1"]);
		expect(rows).toContainEqual(["↕ Moved", "2"]);
		expect(rows).toContainEqual(["▲ Lead stronger", "1"]);
	});
});

describe("renderDocx: options and runtimes", () => {
	it("takes the date as a Date too, and refuses what is not a date", async () => {
		const fromDate = await readDocx(
			await renderDocx(syntheticDiff(), { date: new Date(Date.UTC(2018, 2, 23, 12, 30)) }),
		);
		expect(trackedRuns(fromDate.document, "w:ins")[0]?.date).toBe("2018-03-23T12:30:00Z");
		await expect(renderDocx(syntheticDiff(), { date: "not a date" })).rejects.toThrow(RangeError);
	});

	it("renders a comparison with no paragraphs as the header alone", async () => {
		const empty = await readDocx(await renderDocx(diffOf(), { date: DATE }));
		expect(allRevisions(empty.document)).toEqual([]);
		expect(bodyParagraphs(empty.document).at(-1)?.style).toBe("Heading2");
	});

	it("renders without Node's Buffer, as on Workers", () => {
		const script = [
			"delete globalThis.Buffer;",
			'const { renderDocx } = await import("./src/render/index.ts");',
			'const { syntheticDiff } = await import("./test/render/helpers/fixture.ts");',
			'const bytes = await renderDocx(syntheticDiff(), { date: "2018-03-23" });',
			"console.log(JSON.stringify([typeof globalThis.Buffer, bytes instanceof Uint8Array, bytes[0], bytes[1]]));",
		].join("\n");
		const run = spawnSync(
			process.execPath,
			["--import", "tsx", "--input-type=module", "-e", script],
			{
				cwd: repoRoot,
				encoding: "utf8",
				timeout: 60_000,
			},
		);
		expect(run.stderr).toBe("");
		expect(JSON.parse(run.stdout)).toEqual(["undefined", true, 0x50, 0x4b]);
	});
});

describe("renderDocx: other readers open it", () => {
	it("mammoth opens it and reads the title and the new wording", async () => {
		const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
		expect(result.messages.filter((m) => m.type === "error")).toEqual([]);
		expect(result.value).toContain("Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39");
		expect(result.value).toContain("Urges all parties to cooperate fully");
	});

	const office = ["libreoffice", "soffice"].find(
		(cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0,
	);
	if (!office && !process.env.CI) {
		console.warn(
			"\n[notice] renderDocx: LibreOffice check skipped, neither libreoffice nor soffice is on PATH (Debian's libreoffice-writer-nogui provides it; .ci/run installs it)\n",
		);
	}

	// In CI the check must run: .ci/run installs LibreOffice, and a missing one is a failure.
	describe.skipIf(!office && !process.env.CI)("LibreOffice", () => {
		let dir = "";
		beforeAll(() => {
			dir = mkdtempSync(join(tmpdir(), "resdiff-docx-"));
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it("converts it to a PDF that shows every change's old and new words, in order", async () => {
			expect(office, "LibreOffice (soffice) is on PATH").toBeDefined();
			const input = join(dir, "redline.docx");
			writeFileSync(input, bytes);
			const run = spawnSync(
				office ?? "soffice",
				[
					`-env:UserInstallation=file://${dir}/profile`,
					"--headless",
					"--convert-to",
					"pdf",
					"--outdir",
					dir,
					input,
				],
				{ encoding: "utf8", timeout: 180_000 },
			);
			expect(run.status, run.stderr).toBe(0);
			const text = await pdfText(readFileSync(join(dir, "redline.pdf")));
			// Lines wrap where LibreOffice likes, so words are compared without the spaces between.
			const squeezed = text.replace(/\s+/g, "");
			const squeeze = (t: string) => t.replace(/\s+/g, "");
			expect(squeezed).toContain(squeeze("Changes from A/HRC/RES/34/39 to A/HRC/RES/37/39"));
			// Word shows a tracked change as its deleted and inserted words side by side, so each
			// paragraph prints the segments of its change in order; a paragraph mark starts a line.
			let from = squeezed.indexOf(squeeze("Text of 37/39 with changes"));
			expect(from).toBeGreaterThan(0);
			for (const c of CHANGES) {
				const lines = c.segments
					.map((x) => x.text)
					.join("")
					.split("\n");
				for (const line of lines) {
					const at = squeezed.indexOf(squeeze(line), from);
					expect(at, `"${line}" after offset ${from}`).toBeGreaterThanOrEqual(from);
					from = at + squeeze(line).length;
				}
			}
		}, 200_000);
	});
});
