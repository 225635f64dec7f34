/**
 * What other official texts contain. Every text here is synthetic, written for
 * the test; its title says so.
 */
import { describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("parser: formats beyond the shipped text", () => {
	it("attaches sub-paragraphs (a), (b), (i) to the paragraph above", () => {
		const res = parseResolution(
			lines(
				"\t99/1.\tSynthetic test text: sub-paragraphs",
				"\tThe Human Rights Council,",
				"\tRecalling its earlier resolutions,",
				"\t1.\tRequests the High Commissioner:",
				"\t(a)\tTo report on the situation;",
				"\t(b)\tTo provide assistance, including:",
				"\t(i)\tTraining;",
				"\t2.\tDecides to remain seized of the matter.",
			),
		);
		const op1 = res.paragraphs.find((p) => p.ref === "OP1");
		expect(op1?.subparagraphs).toEqual([
			{ label: "(a)", text: "To report on the situation;" },
			{ label: "(b)", text: "To provide assistance, including:" },
			{ label: "(i)", text: "Training;" },
		]);
		expect(res.paragraphs.map((p) => p.ref)).toEqual(["PP1", "OP1", "OP2"]);
	});

	it("reads draft labels PP5bis, OP7ter, OP6alt", () => {
		const res = parseResolution(
			lines(
				"\tSynthetic test draft with negotiators' labels",
				"\tThe Human Rights Council,",
				"\tPP1\tRecalling its resolutions,",
				"\tPP1bis\tWelcoming the report,",
				"\tOP1\tUrges all parties to act;",
				"\tOP1ter\tEncourages cooperation;",
				"\tOP2alt\tDecides to remain seized of the matter.",
			),
		);
		expect(res.paragraphs.map((p) => [p.ref, p.kind, p.number, p.label])).toEqual([
			["PP1", "preambular", null, "PP1"],
			["PP1bis", "preambular", null, "PP1bis"],
			["OP1", "operative", 1, "OP1"],
			["OP1ter", "operative", 1, "OP1ter"],
			["OP2alt", "operative", 2, "OP2alt"],
		]);
		expect(res.paragraphs[3]?.lead).toBe("Encourages");
		expect(res.warnings).toEqual([]);
	});

	it("reads a recorded vote and an 'NNth meeting' line", () => {
		const res = parseResolution(
			lines(
				"\t99/2.\tSynthetic test text: recorded vote",
				"\tThe Human Rights Council,",
				"\tRecalling its resolutions,",
				"\t1.\tDecides to remain seized of the matter.",
				"47th meeting",
				"22 March 2019",
				"[Adopted by a recorded vote of 30 to 2, with 15 abstentions. The voting was as follows:",
				"In favour:",
				"Angola, Argentina",
				"Against:",
				"Cuba, Venezuela]",
			),
		);
		expect(res.adoption.vote).toEqual({ yes: 30, no: 2, abstain: 15 });
		expect(res.adoption.meeting).toBe("47th meeting");
		expect(res.adoption.date).toBe("2019-03-22");
		expect(res.adoption.note).toMatch(/^Adopted by a recorded vote of 30 to 2.*Cuba, Venezuela$/);
		expect(res.warnings).toEqual([]);
	});

	it("reads CRLF line ends and non-breaking spaces like LF and spaces", () => {
		const lf = lines(
			"\t99/3.\tSynthetic test text: line ends",
			"\tThe Human Rights Council,",
			"\tRecalling resolution 5/1 of 18 June 2007,",
			"\t1.\tDecides to remain seized of the matter.",
		);
		const crlf = lf.replaceAll("\n", "\r\n").replace("18 June", "18\u00a0June");
		expect(parseResolution(crlf)).toEqual(parseResolution(lf));
	});

	it("reads asterisk footnotes, as a custom mark or a bare asterisk", () => {
		const res = parseResolution(
			lines(
				"\t99/4.\tSynthetic test text: asterisk notes",
				"\tThe Human Rights Council,",
				"\tRecalling its resolutions,[footnoteRef:1] and its decisions,  [1: \t\t* Reissued for technical reasons.] ",
				"\tNoting the report of the expert,[footnoteRef:3]  [3: \t\tA/HRC/99/1.] ",
				"\t1.\tDecides to remain seized of the matter in its session*.",
				"* To be read with the annex.",
			),
		);
		const [pp1, pp2, op1] = res.paragraphs;
		expect(pp1?.footnotes).toEqual([
			{ mark: "*", text: "Reissued for technical reasons.", at: 16, sourceId: "1" },
		]);
		expect(pp2?.footnotes.map((f) => f.mark)).toEqual(["1"]);
		expect(op1?.body).toBe("to remain seized of the matter in its session.");
		expect(op1?.footnotes).toEqual([{ mark: "*", text: "To be read with the annex.", at: 45 }]);
		expect(res.warnings).toEqual([]);
	});

	it("warns, and does not fail, on gaps and repeats in the operative numbering", () => {
		const res = parseResolution(
			lines(
				"\t99/5.\tSynthetic test text: numbering",
				"\tThe Human Rights Council,",
				"\tRecalling its resolutions,",
				"\t1.\tUrges all parties to act;",
				"\t2.\tEncourages cooperation;",
				"\t4.\tInvites the expert;",
				"\t4.\tDecides to remain seized of the matter.",
			),
		);
		expect(res.paragraphs.map((p) => p.ref)).toEqual(["PP1", "OP1", "OP2", "OP4", "OP4_2"]);
		expect(res.warnings.map((w) => [w.line, w.message])).toEqual([
			[6, "operative numbering skips 3..3: found 4 where 3 was expected"],
			[7, "operative numbering repeats or goes back: found 4 where 5 was expected"],
			[7, "paragraph ref OP4 is used twice; the second is OP4_2"],
		]);
	});

	it("names an unknown opening in the warnings and still parses it", () => {
		const res = parseResolution(
			lines(
				"\t99/6.\tSynthetic test text: unknown lead",
				"\tThe Human Rights Council,",
				"\tPondering the situation,",
				"\t1.\tDecides to remain seized of the matter.",
			),
		);
		expect(res.paragraphs[0]).toMatchObject({ lead: "Pondering", body: "the situation," });
		expect(res.warnings).toEqual([
			{ message: 'lead phrase not in the lexicon: "Pondering"', line: 3, ref: "PP1" },
		]);
	});

	it("takes the symbol from the caller when the text prints none", () => {
		const res = parseResolution(
			lines(
				"\tThe Human Rights Council,",
				"\tRecalling its resolutions,",
				"\t1.\tDecides to remain seized.",
			),
			{ symbol: "A/HRC/RES/99/7" },
		);
		expect(res).toMatchObject({
			symbol: "A/HRC/RES/99/7",
			number: "99/7",
			session: 99,
			title: null,
		});
	});
});
