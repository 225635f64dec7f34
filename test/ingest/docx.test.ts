/**
 * The DOCX reader on generated Word files: 37/39 rendered with automatic and
 * with typed numbering reads back as the parser reads the shipped text;
 * footnotes come from the footnotes part; sub-paragraphs, numbering through
 * styles and restarts, tracked changes and hidden text read as Word shows
 * them. Every file here is generated at run time and synthetic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Resolution } from "../../src/core/model.ts";
import { parseResolution } from "../../src/core/parse/index.ts";
import { docxToText, readDocx } from "../../src/ingest/docx/index.ts";
import { MAX_XML_DEPTH } from "../../src/ingest/docx/xml.ts";
import { UnreadableDocumentError } from "../../src/ingest/errors.ts";
import { arbitraryResolution } from "../helpers/arbitraries.ts";
import { buildDocx, numPr, p } from "../helpers/docx-package.ts";
import { shippedText } from "../helpers/paths.ts";
import { renderDocx } from "../helpers/render-docx.ts";
import { paragraphsOf } from "./same-paragraphs.ts";

const shipped = parseResolution(shippedText());

/** A synthetic text with sub-paragraphs and a footnote, in the Tika layout. */
const SYNTHETIC = [
	"\t99/1.\tSynthetic test text on sub-paragraphs",
	"\tThe Human Rights Council,",
	"\tRecalling its resolution 37/39,[footnoteRef:2]  [2: \t\tA/HRC/RES/37/39.]",
	"\t1.\tRequests the Independent Expert:",
	"\t(a)\tTo report on the situation of human rights;",
	"\t(b)\tTo assist the Government in its efforts;",
	"\t(c)\tTo work closely with all entities;",
	"\t2.\tDecides to remain seized of the matter.",
	"",
].join("\n");

describe("DOCX reader: 37/39 rendered to Word reads as the official text", () => {
	it.each([
		["automatic numbering", { numbering: "auto" as const }],
		["typed numbers and a masthead table", { numbering: "typed" as const, masthead: true }],
	])("with %s", async (_label, options) => {
		const docx = await renderDocx(shipped, options);
		const read = await readDocx(docx, "synthetic-37-39.docx");
		expect(paragraphsOf(read)).toEqual(paragraphsOf(shipped));
		expect(read).toMatchObject({
			symbol: "A/HRC/RES/37/39",
			title: shipped.title,
			adoption: shipped.adoption,
			warnings: [],
		});
	});

	it("writes automatic numbers as the parser's operative numbers", async () => {
		const text = await docxToText(await renderDocx(shipped), "synthetic.docx");
		// The numbers exist only in numbering.xml: the reader computed them.
		expect(text).toMatch(/^\t1\.\tStrongly condemns/m);
		expect(text).toMatch(/^\t32\.\tDecides to remain seized/m);
	});

	it("takes footnotes from the footnotes part, where the reference stood", async () => {
		const read = await readDocx(await renderDocx(shipped), "synthetic.docx");
		const notes = read.paragraphs.flatMap((q) => q.footnotes.map((f) => [q.ref, f.mark, f.text]));
		expect(notes).toEqual([
			["PP17", "1", "S/2017/1105."],
			["PP19", "2", "A/HRC/37/78."],
		]);
		const pp17 = read.paragraphs.find((q) => q.ref === "PP17");
		expect(pp17?.body.slice(0, pp17.footnotes[0]?.at)).toMatch(/situation in Mali,$/);
	});

	it("reads automatically numbered sub-paragraphs", async () => {
		const synthetic = parseResolution(SYNTHETIC);
		const read = await readDocx(await renderDocx(synthetic), "synthetic-subs.docx");
		expect(paragraphsOf(read)).toEqual(paragraphsOf(synthetic));
		expect(read.paragraphs[1]?.subparagraphs.map((s) => s.label)).toEqual(["(a)", "(b)", "(c)"]);
	});

	it("reads any synthetic resolution back as it was written", async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryResolution, fc.boolean(), async (res: Resolution, auto) => {
				const docx = await renderDocx(res, { numbering: auto ? "auto" : "typed" });
				const read = await readDocx(docx, "synthetic.docx");
				expect(paragraphsOf(read)).toEqual(paragraphsOf(res));
			}),
			{ numRuns: 25 },
		);
	});
});

describe("DOCX reader: Word markup read as Word shows it", () => {
	const numbering = `
		<w:abstractNum w:abstractNumId="0">
			<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
			<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
			<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
		</w:abstractNum>
		<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
		<w:num w:numId="2"><w:abstractNumId w:val="0"/>
			<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
	const head = `${p("99/2. Synthetic test text on Word markup")}${p("The Human Rights Council,")}${p("Recalling its earlier resolutions,")}`;

	it("numbers through a paragraph style, restarts deeper levels, and honours a start override", async () => {
		const styles = `<w:style w:type="paragraph" w:styleId="OpNum"><w:pPr>${numPr(1)}</w:pPr></w:style>`;
		const body = [
			head,
			p("Requests the Secretary-General:", '<w:pStyle w:val="OpNum"/>'),
			p("To report;", numPr(1, 1)),
			p("In particular:", numPr(1, 1)),
			p("on the north;", numPr(1, 2)),
			p("on the centre;", numPr(1, 2)),
			p("Urges all parties to cooperate;", '<w:pStyle w:val="OpNum"/>'),
			p("To refrain from violence;", numPr(1, 1)),
			p("Decides to remain seized of the matter.", numPr(2)),
		].join("");
		const text = await docxToText(await buildDocx({ body, numbering, styles }), "synthetic.docx");
		const labels = text.match(/^\t[^\t\n]+(?=\t)/gm)?.map((l) => l.trim());
		expect(labels).toEqual(["1.", "(a)", "(b)", "(i)", "(ii)", "2.", "(a)", "5."]);
	});

	it("shows tracked insertions, hides deletions, field codes and hidden text", async () => {
		const body = `${head}<w:p><w:pPr>${numPr(1)}</w:pPr>
			<w:r><w:t xml:space="preserve">Calls upon </w:t></w:r>
			<w:del w:id="1" w:author="x"><w:r><w:delText>all </w:delText></w:r></w:del>
			<w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve">the </w:t></w:r></w:ins>
			<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>
			<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">parties</w:t></w:r>
			<w:r><w:fldChar w:fldCharType="end"/></w:r>
			<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> hidden words</w:t></w:r>
			<w:r><w:t xml:space="preserve"> to cooperate</w:t><w:noBreakHyphen/><w:t>fully;</w:t></w:r></w:p>`;
		const read = await readDocx(await buildDocx({ body, numbering }), "synthetic.docx");
		expect(read.paragraphs.at(-1)).toMatchObject({
			ref: "OP1",
			lead: "Calls upon",
			body: "the parties to cooperate-fully;",
		});
	});

	it("reads a custom asterisk footnote mark and a note with brackets from the footnotes part", async () => {
		const footnotes = `
			<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
			<w:footnote w:id="7"><w:p><w:r><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> Synthetic asterisk note.</w:t></w:r></w:p></w:footnote>
			<w:footnote w:id="8"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/HRC/99/1 [synthetic].</w:t></w:r></w:p></w:footnote>`;
		const body = `${p("The Human Rights Council,")}
			<w:p><w:r><w:t xml:space="preserve">Recalling its resolution 5/1,</w:t></w:r>
			<w:r><w:footnoteReference w:customMarkFollows="1" w:id="7"/><w:t>*</w:t></w:r></w:p>
			<w:p><w:pPr>${numPr(1)}</w:pPr><w:r><w:t xml:space="preserve">Decides to act,</w:t></w:r>
			<w:r><w:footnoteReference w:id="8"/></w:r><w:r><w:t xml:space="preserve"> now.</w:t></w:r></w:p>`;
		const read = await readDocx(await buildDocx({ body, numbering, footnotes }), "synthetic.docx");
		expect(read.paragraphs.map((q) => q.footnotes.map((f) => [f.mark, f.text]))).toEqual([
			[["*", "Synthetic asterisk note."]],
			[["1", "See A/HRC/99/1 [synthetic]."]],
		]);
		expect(read.paragraphs[1]?.body).toBe("to act, now.");
	});

	it("finds the main document through the package relationships", async () => {
		const body = `${head}${p("Decides to remain seized of the matter.", numPr(1))}`;
		const docx = await buildDocx({ body, numbering, documentPath: "word/document2.xml" });
		const read = await readDocx(docx, "synthetic.docx");
		expect(read.paragraphs.map((q) => q.ref)).toEqual(["PP1", "OP1"]);
	});
});

describe("DOCX reader: damaged parts are refused with the part named", () => {
	const readError = async (body: string) => {
		const docx = await buildDocx({ body });
		return readDocx(docx, "synthetic-damaged.docx").catch((e: unknown) => e);
	};

	it("refuses a document part that is not well-formed XML", async () => {
		const e = await readError(
			`${p("The Human Rights Council,")}<w:p><w:r><w:t>unclosed</w:r></w:p>`,
		);
		expect(e).toBeInstanceOf(UnreadableDocumentError);
		expect(e).toMatchObject({ format: "zip", reason: "corrupt" });
		expect((e as Error).message).toMatch(
			/^word\/document\.xml in the DOCX is not well-formed XML \(/,
		);
	});

	it("refuses elements nested deeper than Word writes, instead of exhausting the stack", async () => {
		const depth = MAX_XML_DEPTH + 10;
		const nested = `${"<w:sdt><w:sdtContent>".repeat(depth / 2)}${p("Synthetic.")}${"</w:sdtContent></w:sdt>".repeat(depth / 2)}`;
		const e = await readError(`${p("The Human Rights Council,")}${nested}`);
		expect(e).toBeInstanceOf(UnreadableDocumentError);
		expect((e as Error).message).toMatch(/word\/document\.xml .*nest more than 256 deep/);
	});

	it("reads a part nested as deep as the limit allows", async () => {
		// document > body > (sdt > sdtContent)* > p > r > t: the limit counts every open element.
		const pairs = Math.floor((MAX_XML_DEPTH - 5) / 2);
		const nested = `${"<w:sdt><w:sdtContent>".repeat(pairs)}${p("Synthetic deep text.")}${"</w:sdtContent></w:sdt>".repeat(pairs)}`;
		const text = await docxToText(await buildDocx({ body: nested }), "synthetic.docx");
		expect(text).toContain("Synthetic deep text.");
	});
});
