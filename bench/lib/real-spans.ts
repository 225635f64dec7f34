/**
 * The new-wording benchmark: resdiff's phrase-level novelty graded word by
 * word against paragraphs labelled by reading (test/fixtures/real-spans),
 * beside three simple ways of finding new wording, in one run. Texts are read
 * at run time; only figures are printed.
 */
import { diffWords } from "diff";
import { compare } from "../../src/core/diff/index.ts";
import type { Resolution } from "../../src/core/model.ts";
import { annotateMember } from "../../src/core/novelty/index.ts";
import {
	addWordTally,
	emptyWordTally,
	gradeMember,
	type LabelledMember,
	labelledMembers,
	type MarkedParagraph,
	type NoveltyMethod,
	paragraphTexts,
	type WordTally,
} from "../../test/helpers/real-spans.ts";
import { formatTable, ratio } from "./table.ts";

const wordPattern = /[\p{L}\p{N}]+/gu;

function wordRanges(text: string): { start: number; end: number; word: string }[] {
	return [...text.matchAll(wordPattern)].map((m) => ({
		start: m.index,
		end: m.index + m[0].length,
		word: m[0].toLowerCase(),
	}));
}

/** resdiff's phrase-level novelty: the member's paragraphs cut into new and kept spans against the earlier members. */
export const phraseNovelty: NoveltyMethod = (member, earlier) =>
	new Map(
		annotateMember([...earlier, member], earlier.length).map((a): [string, MarkedParagraph] => {
			const newRanges: { start: number; end: number }[] = [];
			let at = 0;
			for (const span of a.spans) {
				if (span.status === "new") newRanges.push({ start: at, end: at + span.text.length });
				at += span.text.length;
			}
			if (at !== a.text.length)
				throw new Error(`${a.paragraph.ref}: its spans do not join to its text`);
			return [a.paragraph.ref, { text: a.text, newRanges }];
		}),
	);

/** Today's answer before phrase-level novelty: a paragraph is new whole, or not at all. */
export const wholeNewParagraphs: NoveltyMethod = (member, earlier) => {
	const before = earlier.at(-1);
	const texts = paragraphTexts(member);
	const fresh = new Set(
		before
			? compare(before, member)
					.changes.filter((c) => c.status === "new")
					.flatMap((c) => c.to.map((t) => t.ref))
			: [...texts.keys()],
	);
	return new Map(
		[...texts].map(([ref, text]): [string, MarkedParagraph] => [
			ref,
			{ text, newRanges: fresh.has(ref) ? [{ start: 0, end: text.length }] : [] },
		]),
	);
};

/** Word's Compare Documents: the words inserted against the most alike paragraph of the member before. */
export const insertedWords: NoveltyMethod = (member, earlier) => {
	const before = earlier.at(-1);
	const olds = before ? [...paragraphTexts(before).values()] : [];
	const bag = (t: string) => new Set(wordRanges(t).map((w) => w.word));
	const oldBags = olds.map(bag);
	return new Map(
		[...paragraphTexts(member)].map(([ref, text]): [string, MarkedParagraph] => {
			const mine = bag(text);
			let best = -1;
			let bestScore = 0;
			oldBags.forEach((b, i) => {
				const shared = [...mine].filter((w) => b.has(w)).length;
				const score = (2 * shared) / (mine.size + b.size || 1);
				if (score > bestScore) {
					bestScore = score;
					best = i;
				}
			});
			if (best < 0 || bestScore < 0.2)
				return [ref, { text, newRanges: [{ start: 0, end: text.length }] }];
			const newRanges: { start: number; end: number }[] = [];
			let at = 0;
			for (const part of diffWords(olds[best] as string, text)) {
				if (part.removed) continue;
				if (part.added) newRanges.push({ start: at, end: at + part.value.length });
				at += part.value.length;
			}
			return [ref, { text, newRanges }];
		}),
	);
};

/** A word is new when no earlier member of the series has it at all. */
export const unseenWords: NoveltyMethod = (member, earlier) => {
	const seen = new Set(
		earlier.flatMap((r) =>
			[...paragraphTexts(r).values()].flatMap((t) => wordRanges(t).map((w) => w.word)),
		),
	);
	return new Map(
		[...paragraphTexts(member)].map(([ref, text]): [string, MarkedParagraph] => [
			ref,
			{ text, newRanges: wordRanges(text).filter((w) => !seen.has(w.word)) },
		]),
	);
};

export interface SpanRun {
	readonly members: readonly {
		readonly label: LabelledMember;
		readonly tallies: readonly WordTally[];
	}[];
	readonly totals: readonly WordTally[];
	readonly skipped: readonly string[];
}

export function runRealSpans(methods: readonly NoveltyMethod[]): SpanRun {
	const members: SpanRun["members"][number][] = [];
	const skipped: string[] = [];
	for (const label of labelledMembers()) {
		const tallies = methods.map((m) => gradeMember(label, m));
		if (tallies.some((t) => t === null)) {
			skipped.push(label.member);
			continue;
		}
		members.push({ label, tallies: tallies as WordTally[] });
	}
	const totals = methods.map((_, k) =>
		members.reduce((t, m) => addWordTally(t, m.tallies[k] as WordTally), emptyWordTally),
	);
	return { members, totals, skipped };
}

const precision = (t: WordTally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const recall = (t: WordTally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
const f1Of = (t: WordTally) => {
	const p = precision(t);
	const r = recall(t);
	return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** Per member and overall: precision, recall and F1 of new words, and kept paragraphs given new wording. */
export function realSpansTable(run: SpanRun, names: readonly string[]): string {
	const rows: string[][] = [];
	const row = (what: string, tallies: readonly WordTally[]) => {
		tallies.forEach((t, k) => {
			rows.push([
				k === 0 ? what : "",
				names[k] ?? "",
				ratio(precision(t)),
				ratio(recall(t)),
				ratio(f1Of(t)),
				`${t.falseNewParagraphs}/${t.keptParagraphs}`,
			]);
		});
	};
	for (const m of run.members)
		row(`${m.label.member} (${m.label.paragraphs.length} paragraphs)`, m.tallies);
	row("overall", run.totals);
	return formatTable(
		["member", "method", "precision", "recall", "F1", "kept paragraphs called new"],
		rows,
	);
}

export function spanF1(t: WordTally): number {
	return f1Of(t);
}

export type { NoveltyMethod, Resolution };
