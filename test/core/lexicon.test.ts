import { describe, expect, it } from "vitest";
import { STRENGTH_FAMILIES } from "../../src/core/lexicon/lead-phrases.ts";
import { knownLemmas, leadShift, matchLead, strengthOf } from "../../src/core/lexicon/lexicon.ts";

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
