import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STRENGTH_FAMILIES } from "../../src/core/lexicon/lead-phrases.ts";
import {
	knownLemmas,
	leadingTokens,
	leadShift,
	matchLead,
	strengthOf,
	type Token,
} from "../../src/core/lexicon/lexicon.ts";

describe("matchLead", () => {
	it.each([
		[
			"Deeply concerned also about continued violations",
			"preambular",
			"Deeply concerned also about",
		],
		["Taking note also of the joint report", "preambular", "Taking note also of"],
		["Recalling further its resolutions 20/17", "preambular", "Recalling further"],
		["Noting with satisfaction the fact that", "preambular", "Noting with satisfaction"],
		["Also strongly condemns the attacks", "operative", "Also strongly condemns"],
		["Supports, in this regard, the efforts", "operative", "Supports"],
		["Calls upon all parties", "operative", "Calls upon"],
		["Expresses its deep concern at the", "operative", "Expresses its deep concern at"],
		["Further requests the Independent Expert", "operative", "Further requests"],
	] as const)("%s", (text, kind, lead) => {
		const m = matchLead(text, kind);
		expect(m.lead).toBe(lead);
		expect(m.foundIn).toBe(kind);
	});

	it("gives the preambular and operative forms one lemma", () => {
		expect(matchLead("Welcoming the", "preambular").lemma).toBe(
			matchLead("Welcomes the", "operative").lemma,
		);
		expect(matchLead("Recalling its", "preambular").lemma).toBe(
			matchLead("Recalls its", "operative").lemma,
		);
	});

	it("falls back to the first word for an unknown opening", () => {
		const m = matchLead("Frobnicates the widgets", "operative");
		expect(m).toMatchObject({ lead: "Frobnicates", foundIn: null });
	});
});

describe("lead phrases of the real series", () => {
	it.each([
		[
			"Reiterates its call for an immediate halt to all violations",
			"Reiterates its call for",
			"call upon",
		],
		[
			"Repeats its call for an immediate halt to all violations",
			"Repeats its call for",
			"call upon",
		],
		[
			"Reiterates its appreciation for the assistance provided",
			"Reiterates its appreciation for",
			"express appreciation",
		],
		[
			"Reiterates its concern over the violations and abuses",
			"Reiterates its concern over",
			"express concern",
		],
		[
			"Also expresses particular concern at the abuses",
			"Also expresses particular concern at",
			"express deep concern",
		],
		[
			"Continues to support current efforts by the African Union",
			"Continues to support",
			"support",
		],
	] as const)("reads %s", (text, lead, lemma) => {
		expect(matchLead(text, "operative")).toMatchObject({ lead, lemma });
	});

	it("ranks a condemnation turned into reiterated concern as weaker (22/18 OP1 -> 25/36 OP2)", () => {
		const before = matchLead("Condemns the excesses and abuses committed", "operative").lemma;
		const after = matchLead("Reiterates its concern over the violations", "operative").lemma;
		expect(leadShift(before, after)).toBe("weaker");
	});
});

describe("leadShift", () => {
	it.each([
		["encourage", "urge", "stronger"],
		["welcome", "take note", "weaker"],
		["express concern", "condemn", "stronger"],
		["condemn", "strongly condemn", "stronger"],
		["invite", "demand", "stronger"],
		["request", "request", "same"],
		["stress", "emphasize", "same"],
		["welcome", "urge", "changed"],
		["decide", "request", "changed"],
		// A neutral record against a stance: 28/31 OP4 "Notes the efforts" -> 31/28 OP5 "Encourages the efforts".
		["note", "encourage", "stronger"],
		["acknowledge", "condemn", "stronger"],
		["underscore", "take note", "weaker"],
		// Two stances of different families have no order.
		["encourage", "support", "changed"],
		["recall", "note", "changed"],
	] as const)("%s -> %s is %s", (from, to, shift) => {
		expect(leadShift(from, to)).toBe(shift);
	});

	it("ranks only lemmas the lexicon can produce", () => {
		const lemmas = knownLemmas();
		for (const steps of Object.values(STRENGTH_FAMILIES)) {
			for (const lemma of steps.flat()) expect(lemmas.has(lemma), lemma).toBe(true);
		}
		expect(strengthOf("urge")?.family).toBe("exhortation");
	});
});

describe("leadingTokens", () => {
	/** The tokens' definition, as a regular expression: a run of word characters, then any non-space. */
	function byDefinition(text: string, max = 12): Token[] {
		const tokens: Token[] = [];
		const re = /([\p{L}\p{N}'’-]+)(\S*)/gu;
		for (let m = re.exec(text); m !== null && tokens.length < max; m = re.exec(text)) {
			const word = m[1] ?? "";
			const start = m.index;
			tokens.push({
				word: word.toLowerCase(),
				start,
				end: start + word.length,
				punctuated: (m[2] ?? "") !== "",
			});
		}
		return tokens;
	}

	it("reads words as the definition does, whatever the letters, digits, spaces and punctuation", () => {
		// Letters and digits beyond ASCII (two outside the BMP), symbols, and the odd spaces of Word and PDFs.
		const pieces = [
			"Requests",
			"also",
			"the",
			"Office’s",
			"l'Homme",
			"follow-up",
			"20/17",
			"Côte",
			"d’Ivoire",
			"Москва",
			"𝐀𝐁",
			"²",
			"🙂",
			"—",
			",",
			".",
			"(a)",
			"“",
			" ",
			"  ",
			"\t",
			"\u00a0",
			"\u2009",
			"\u202f",
			"\u3000",
			"\ufeff",
			"\n",
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
				const text = parts.join("");
				expect(leadingTokens(text)).toEqual(byDefinition(text));
			}),
			{ numRuns: 2000 },
		);
	});

	it("stops at the number of words asked for", () => {
		expect(leadingTokens("one two three four", 2).map((t) => t.word)).toEqual(["one", "two"]);
	});
});
