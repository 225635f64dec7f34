/**
 * fast-check generators of synthetic resolutions, built from the lexicon's
 * phrases and a neutral vocabulary that can never be mistaken for part of a
 * lead phrase. Everything generated here is synthetic.
 */
import fc from "fast-check";
import { type LeadEntry, OPERATIVE, PREAMBULAR } from "../../src/core/lexicon/lead-phrases.ts";
import type { Footnote, Paragraph, Resolution } from "../../src/core/model.ts";

const WORDS = [
	"situation",
	"human",
	"rights",
	"government",
	"council",
	"expert",
	"report",
	"mission",
	"security",
	"women",
	"children",
	"justice",
	"peace",
	"process",
	"national",
	"efforts",
	"cooperation",
	"assistance",
	"Mali",
	"the",
	"and",
	"in",
	"all",
	"parties",
	"measures",
	"Mali’s",
	"2018",
	"A/HRC/37/78",
	"(Paris",
	"Principles)",
	"“joint",
	"force”",
	"north",
	"reconciliation",
	"institutions",
	"mandate",
	"victims",
	"elections",
	"impunity",
	"law",
];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const words = (min: number, max: number) =>
	fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max });

function lead(entries: readonly LeadEntry[], also: boolean) {
	return fc
		.record({ entry: fc.constantFrom(...entries), prep: fc.boolean(), also: fc.boolean() })
		.map(({ entry, prep, also: a }) => {
			const phrase = [entry.phrase, ...(prep && entry.preps?.[0] ? [entry.preps[0]] : [])].join(
				" ",
			);
			const text = also && a ? `Also ${phrase}` : capitalize(phrase);
			return { lead: text, lemma: entry.lemma };
		});
}

const documentSymbol = fc
	.tuple(
		fc.constantFrom("A/HRC", "S", "A"),
		fc.integer({ min: 1, max: 80 }),
		fc.integer({ min: 1, max: 2000 }),
	)
	.map(([p, a, b]) => `${p}/${a}/${b}.`);

function paragraph(kind: "preambular" | "operative") {
	return fc
		.record({
			lead: lead(kind === "preambular" ? PREAMBULAR : OPERATIVE, kind === "operative"),
			words: words(3, 30),
			notes: fc.uniqueArray(fc.record({ after: fc.nat(), text: documentSymbol }), {
				maxLength: 2,
				selector: (n) => n.after % 1000,
			}),
			subs: fc.array(words(2, 8), { maxLength: kind === "operative" ? 3 : 0 }),
		})
		.map(({ lead: l, words: w, notes, subs }) => {
			const end = kind === "preambular" ? "," : ";";
			const body = `${w.join(" ")}${end}`;
			// A note sits right after a word, where Word puts the reference.
			const ends = [...body.matchAll(/\S+/g)].map((m) => m.index + m[0].length);
			const footnotes = notes
				.map((n) => ({ at: ends[n.after % ends.length] ?? body.length, text: n.text }))
				.filter((n, i, all) => all.findIndex((m) => m.at === n.at) === i)
				.sort((a, b) => a.at - b.at);
			return {
				lead: l.lead,
				lemma: l.lemma,
				body,
				footnotes,
				subparagraphs: subs.map((s, i) => ({ label: `(${"abc"[i]})`, text: `${s.join(" ")};` })),
			};
		});
}

/** A whole synthetic resolution, as the parser would produce it. */
export const arbitraryResolution: fc.Arbitrary<Resolution> = fc
	.record({
		session: fc.integer({ min: 1, max: 60 }),
		number: fc.integer({ min: 1, max: 99 }),
		title: words(4, 10),
		preambular: fc.array(paragraph("preambular"), { minLength: 1, maxLength: 8 }),
		operative: fc.array(paragraph("operative"), { minLength: 1, maxLength: 10 }),
		date: fc.option(
			fc.date({ min: new Date("2006-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
		),
		meeting: fc.option(fc.integer({ min: 1, max: 70 })),
		vote: fc.oneof(
			fc.constant(null),
			fc.constant("without a vote" as const),
			fc.tuple(fc.nat(47), fc.nat(47), fc.nat(47)),
		),
	})
	.map((g): Resolution => {
		let mark = 0;
		let id = 2;
		const paragraphs: Paragraph[] = [...g.preambular, ...g.operative].map((p, i) => {
			const operative = i >= g.preambular.length;
			const n = operative ? i - g.preambular.length + 1 : i + 1;
			const footnotes: Footnote[] = p.footnotes.map((f) => ({
				mark: String(++mark),
				text: f.text,
				at: f.at,
				sourceId: String(id++),
			}));
			return {
				ref: `${operative ? "OP" : "PP"}${n}`,
				kind: operative ? "operative" : "preambular",
				number: operative ? n : null,
				label: null,
				lead: p.lead,
				lemma: p.lemma,
				body: p.body,
				subparagraphs: p.subparagraphs,
				footnotes,
			};
		});
		const suffix = (n: number) =>
			n % 10 === 1 && n !== 11
				? "st"
				: n % 10 === 2 && n !== 12
					? "nd"
					: n % 10 === 3 && n !== 13
						? "rd"
						: "th";
		const recorded = Array.isArray(g.vote) ? g.vote : null;
		const note = recorded
			? `Adopted by a recorded vote of ${recorded[0]} to ${recorded[1]}, with ${recorded[2]} abstentions.`
			: g.vote
				? "Adopted without a vote."
				: null;
		return {
			symbol: `A/HRC/RES/${g.session}/${g.number}`,
			number: `${g.session}/${g.number}`,
			title: capitalize(g.title.join(" ")),
			session: g.session,
			organ: "Human Rights Council",
			adoption: {
				date: g.date ? g.date.toISOString().slice(0, 10) : null,
				meeting: g.meeting ? `${g.meeting}${suffix(g.meeting)} meeting` : null,
				vote: recorded
					? { yes: recorded[0], no: recorded[1], abstain: recorded[2] }
					: g.vote === null
						? null
						: "without a vote",
				note,
			},
			paragraphs,
			notes: [],
			warnings: [],
		};
	});
