/**
 * Phrase-level novelty on small invented texts. Every text here is synthetic,
 * written for these tests: none is UN wording.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	earlierLanguage,
	type MemberText,
	type PhraseSpan,
	paragraphSpans,
	sameWording,
	sourcesNote,
} from "../../src/core/novelty/index.ts";

const member = (symbol: string, texts: Record<string, string>, date?: string): MemberText => ({
	symbol,
	date: date ?? null,
	paragraphs: Object.entries(texts).map(([ref, text]) => ({ ref, text })),
});

const BASE =
	"Welcomes the efforts of the synthetic authorities to strengthen the independence of the judiciary and to protect the victims of the floods in the eastern provinces;";

const one = () => earlierLanguage([member("S/1", { OP1: BASE })]);
const fresh = (spans: readonly PhraseSpan[]) =>
	spans.filter((s) => s.status === "new").map((s) => s.text);
const joined = (spans: readonly PhraseSpan[]) => spans.map((s) => s.text).join("");

describe("paragraphSpans on synthetic texts", () => {
	it("keeps a paragraph copied whole, naming the paragraph it came from", () => {
		const spans = paragraphSpans(BASE, one());
		expect(spans).toEqual([
			{
				text: BASE,
				status: "kept",
				source: { symbol: "S/1", ref: "OP1" },
				first: { symbol: "S/1", ref: "OP1" },
			},
		]);
	});

	it("sees through inflection, quote styles and PDF damage", () => {
		const damaged =
			"Welcoming the effort of the synthetic authorities to strengthened the independence of the judi- ciary and to protect the victims1 of the floods 4 GE.31-01234 in the eastern province;";
		expect(fresh(paragraphSpans(damaged, one()))).toEqual([]);
		const quotes = earlierLanguage([
			member("S/1", {
				PP1: "Recalling the women's organizations' decision-making role in every district,",
			}),
		]);
		expect(
			fresh(
				paragraphSpans(
					"Recalling the women’s organizations’ decision- making role in every district,",
					quotes,
				),
			),
		).toEqual([]);
	});

	it("keeps a single changed word, a bumped year and inserted function words inside kept wording", () => {
		const edited = BASE.replace("floods", "droughts")
			.replace("provinces", "provinces of 2031")
			.replace("to protect", "also to protect all");
		const spans = paragraphSpans(edited, one());
		expect(fresh(spans)).toEqual([]);
		expect(joined(spans)).toBe(edited);
	});

	it("marks an inserted clause new, from its first new word to its last", () => {
		const edited = BASE.replace(
			"judiciary and",
			"judiciary, deplores the closure of seventeen rural clinics and",
		);
		const spans = paragraphSpans(edited, one());
		expect(fresh(spans)).toEqual(["deplores the closure of seventeen rural clinics"]);
		expect(joined(spans)).toBe(edited);
		expect(spans.filter((s) => s.status === "kept").every((s) => s.source?.ref === "OP1")).toBe(
			true,
		);
	});

	it("gives a new paragraph one new span", () => {
		const text = "Requests the synthetic rapporteur to visit every coastal fishing village;";
		expect(paragraphSpans(text, one())).toEqual([
			{ text, status: "new", source: null, first: null },
		]);
	});

	it("names the member before as source and the oldest member as first", () => {
		const index = earlierLanguage([
			member("S/1", { PP3: "Noting the synthetic census of mountain herders," }, "2031-01-01"),
			member("S/2", { PP4: "Noting the synthetic census of mountain herders," }, "2032-01-01"),
		]);
		const [span] = paragraphSpans("Noting the synthetic census of mountain herders,", index);
		expect(span?.source).toEqual({ symbol: "S/2", ref: "PP4" });
		expect(span?.first).toEqual({ symbol: "S/1", ref: "PP3" });
	});

	it("gives no source to wording the member before dropped and this one revives", () => {
		const index = earlierLanguage([
			member("S/1", { PP3: "Noting the synthetic census of mountain herders," }),
			member("S/2", { PP3: "Recalling the synthetic ferry timetable," }),
		]);
		const [span] = paragraphSpans("Noting the synthetic census of mountain herders,", index);
		expect(span).toMatchObject({
			status: "kept",
			source: null,
			first: { symbol: "S/1", ref: "PP3" },
		});
	});

	it("names another resolution as first when it used the wording earlier, new to the series or not", () => {
		const borrowed = "condemns the seizure of grain silos by armed synthetic militias";
		const other = member("T/9", { OP5: `Strongly ${borrowed};` }, "2030-05-05");
		const series = [member("S/1", { OP1: BASE }, "2031-01-01")];
		const text = `${BASE.slice(0, -1)}, and ${borrowed};`;
		const spans = paragraphSpans(text, earlierLanguage(series, [other], "2032-01-01"));
		const borrowedSpan = spans.find((s) => s.status === "new");
		expect(borrowedSpan?.text).toContain("seizure of grain silos");
		expect(borrowedSpan?.first).toEqual({ symbol: "T/9", ref: "OP5" });
		// Adopted after the member read, the other resolution cannot be where the wording came from.
		const later = paragraphSpans(
			text,
			earlierLanguage(series, [{ ...other, date: "2033-01-01" }], "2032-01-01"),
		);
		expect(later.find((s) => s.status === "new")?.first).toBeNull();
		// Kept wording the other resolution used before the series did names it as first.
		const keptFirst = paragraphSpans(
			BASE,
			earlierLanguage(series, [member("T/1", { PP1: BASE }, "2020-01-01")], "2032-01-01"),
		);
		expect(keptFirst[0]?.first).toEqual({ symbol: "T/1", ref: "PP1" });
		expect(keptFirst[0]?.source).toEqual({ symbol: "S/1", ref: "OP1" });
	});

	it("returns no span for empty text and one kept span for text without words", () => {
		expect(paragraphSpans("", one())).toEqual([]);
		expect(paragraphSpans(" ; ", one())).toEqual([
			{ text: " ; ", status: "kept", source: null, first: null },
		]);
	});

	it("joins back to the text exactly, whatever the text (property)", () => {
		const word = fc.constantFrom(
			"the",
			"floods",
			"judiciary",
			"of",
			"2031",
			"women’s",
			"decision-",
			"making",
			",",
			";",
			"\n(a)",
			"GE.31-01234",
			"Mali,2",
			"  ",
		);
		fc.assert(
			fc.property(fc.array(word, { maxLength: 60 }), (ws) => {
				const text = ws.join(" ");
				expect(joined(paragraphSpans(text, one()))).toBe(text);
			}),
		);
	});
});

describe("sourcesNote: the delegate's annotation, from spans (synthetic)", () => {
	const at = (symbol: string, ref: string) => ({ symbol, ref });
	const kept = (text: string, ref = "OP6") =>
		({
			text,
			status: "kept",
			source: at("A/HRC/RES/98/1", ref),
			first: at("A/HRC/RES/97/1", ref),
		}) as const;

	it("names an unchanged copy without 'amended'", () => {
		const text = "6. Welcomes the synthetic ferry timetable;";
		const note = sourcesNote([kept(text)], text, "7. Welcomes the synthetic  ferry timetable;");
		expect(note).toMatchObject({ kind: "copied", text: "from 98/1 OP6" });
	});

	it("says amended, with the new wording quoted, and lists several sources largest first", () => {
		const spans = [
			kept("Welcomes the synthetic ferry timetable and the harbour works, "),
			{
				text: "deplores the closure of seventeen rural clinics;",
				status: "new",
				source: null,
				first: null,
			} as const,
			kept("and the river", "PP2"),
		];
		expect(sourcesNote(spans, spans.map((s) => s.text).join("")).text).toBe(
			"from 98/1 OP6 and 98/1 PP2, amended; new: “deplores the closure of seventeen rural clinics”",
		);
	});

	it("calls a paragraph with nothing kept new, naming another resolution it borrowed from", () => {
		const span = {
			text: "Requests a census;",
			status: "new",
			source: null,
			first: at("A/HRC/RES/36/27", "OP6"),
		} as const;
		expect(sourcesNote([span], span.text).text).toBe("new; borrowed from 36/27 OP6");
		expect(sameWording("1. Notes the plan;", "Notes  the plan;")).toBe(true);
	});
});
