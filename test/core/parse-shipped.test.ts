import { describe, expect, it } from "vitest";
import { parseResolution } from "../../src/core/parse/index.ts";
import { shippedText } from "../helpers/paths.ts";

describe("parsing the shipped 37/39", () => {
	const res = parseResolution(shippedText());
	const byRef = new Map(res.paragraphs.map((p) => [p.ref, p]));

	it("finds 21 preambular and 32 operative paragraphs in order", () => {
		const refs = res.paragraphs.map((p) => p.ref);
		expect(refs).toEqual([
			...Array.from({ length: 21 }, (_, i) => `PP${i + 1}`),
			...Array.from({ length: 32 }, (_, i) => `OP${i + 1}`),
		]);
		expect(res.paragraphs.filter((p) => p.kind === "operative").map((p) => p.number)).toEqual(
			Array.from({ length: 32 }, (_, i) => i + 1),
		);
	});

	it("reads the title line, chapeau and closing block", () => {
		expect(res.symbol).toBe("A/HRC/RES/37/39");
		expect(res.number).toBe("37/39");
		expect(res.session).toBe(37);
		expect(res.title).toBe(
			"Technical assistance and capacity-building for Mali in the field of human rights",
		);
		expect(res.organ).toBe("Human Rights Council");
		expect(res.adoption).toEqual({
			date: "2018-03-23",
			vote: "without a vote",
			meeting: "Fifty-sixth session",
			note: "Adopted without a vote.",
		});
	});

	it("keeps footnotes apart from the body, on PP17 and PP19 only", () => {
		const noted = res.paragraphs.filter((p) => p.footnotes.length > 0).map((p) => p.ref);
		expect(noted).toEqual(["PP17", "PP19"]);
		expect(byRef.get("PP17")?.footnotes).toEqual([
			{ mark: "1", text: "S/2017/1105.", at: expect.any(Number), sourceId: "2" },
		]);
		expect(byRef.get("PP19")?.footnotes.map((f) => [f.mark, f.text])).toEqual([
			["2", "A/HRC/37/78."],
		]);
		const pp17 = byRef.get("PP17");
		// The reference stood right after "in Mali,".
		expect(pp17?.body.slice(0, pp17.footnotes[0]?.at)).toMatch(/situation in Mali,$/);
		expect(res.notes).toEqual([]);
	});

	it("leaves no marker text in any body", () => {
		for (const p of res.paragraphs) {
			const text = `${p.lead} ${p.body}`;
			expect(text, p.ref).not.toMatch(/\[(bookmark|footnoteRef|\d+:)|\t|\s{2}|^\s|\s$/);
		}
	});

	it("splits lead phrases with the lexicon", () => {
		expect(byRef.get("PP9")?.lead).toBe("Deeply concerned also about");
		expect(byRef.get("PP10")?.lead).toBe("Remaining concerned over");
		expect(byRef.get("OP2")?.lead).toBe("Also strongly condemns");
		expect(byRef.get("OP27")?.lead).toBe("Also requests");
		expect(byRef.get("OP27")?.lemma).toBe("request");
		expect(byRef.get("PP12")?.lemma).toBe(byRef.get("OP10")?.lemma);
	});

	it("keeps curly quotes as printed", () => {
		expect(byRef.get("OP1")?.body).toContain("women’s rights");
	});

	it("has no warnings", () => {
		expect(res.warnings).toEqual([]);
	});
});
