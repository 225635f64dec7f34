/**
 * The labelled new wording of real paragraphs (test/fixtures/real-spans), and
 * the word-level grading of a method's new spans against it. Labels name words
 * by position in the third party's raw text; a method marks character ranges
 * in the paragraph text resdiff reads (numbers, page footers and stuck note
 * marks removed), so each raw word is found again in that text before it is
 * graded. Texts are read at run time and never written anywhere.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { paragraphText, type Resolution } from "../../src/core/model.ts";
import { repoRoot } from "./paths.ts";
import { realFolder, type SeriesName } from "./real-pairs.ts";
import { loadRealMembers, loadRealSeries } from "./real-series.ts";

type WordRange = readonly [number, number];

export interface LabelledParagraph {
	readonly ref: string;
	readonly new: readonly WordRange[];
	readonly unsure: readonly WordRange[];
	readonly reason: string;
}

export interface LabelledMember {
	readonly file: string;
	readonly series: SeriesName;
	readonly member: string;
	readonly paragraphs: readonly LabelledParagraph[];
}

/** A method's answer for one paragraph: the text it read and the ranges it calls new. */
export interface MarkedParagraph {
	readonly text: string;
	readonly newRanges: readonly { readonly start: number; readonly end: number }[];
}

/** Marks the new wording of every paragraph of `member`, given the earlier members, oldest first. */
export type NoveltyMethod = (
	member: Resolution,
	earlier: readonly Resolution[],
) => ReadonlyMap<string, MarkedParagraph>;

export interface WordTally {
	tp: number;
	fp: number;
	fn: number;
	/** Words graded (not unsure). */
	graded: number;
	/** Labelled paragraphs with no new wording that the method gave some. */
	falseNewParagraphs: number;
	/** Labelled paragraphs with no new wording. */
	keptParagraphs: number;
}

export function labelledMembers(): LabelledMember[] {
	const dir = join(repoRoot, "test", "fixtures", "real-spans");
	return readdirSync(dir)
		.filter((f) => f.endsWith(".json"))
		.sort()
		.map(
			(file) => ({ file, ...JSON.parse(readFileSync(join(dir, file), "utf8")) }) as LabelledMember,
		);
}

/** The member and every earlier one of its series, read as resolutions, or null without the folder. */
export function memberAndEarlier(
	label: LabelledMember,
): { member: Resolution; earlier: Resolution[]; raw: Map<string, string> } | null {
	const dir = realFolder(label.series);
	if (!dir) return null;
	const raws = loadRealMembers(dir);
	const series = loadRealSeries(dir);
	const at = series.findIndex((r) => r.symbol === label.member);
	if (at < 0) throw new Error(`${label.file}: ${label.member} is not in ${dir}`);
	const raw = new Map(
		(raws[at]?.entries ?? []).map(([ref, text]) => [ref, text] as [string, string]),
	);
	return { member: series[at] as Resolution, earlier: series.slice(0, at), raw };
}

const inRange = (ranges: readonly WordRange[], i: number) =>
	ranges.some(([a, b]) => i >= a && i < b);

/**
 * Where each raw word stands in `text`: its character range, or null when the
 * reader dropped it (an operative number, a page footer). Words are found in
 * order; a stuck note number or a line-end hyphen is tried without.
 */
export function locateWords(
	rawWords: readonly string[],
	text: string,
): ({ start: number; end: number } | null)[] {
	let cursor = 0;
	return rawWords.map((word) => {
		const tries = [
			word,
			word.replace(/\d+$/, ""),
			word.replace(/-$/, ""),
			word.replace(/^[^\p{L}\p{N}]+/u, ""),
		];
		for (const t of tries) {
			if (t.length === 0) continue;
			const at = text.indexOf(t, cursor);
			// A word far ahead is another occurrence: the raw word was dropped here.
			if (at >= 0 && at - cursor <= 12) {
				cursor = at + t.length;
				return { start: at, end: at + t.length };
			}
		}
		return null;
	});
}

/** Grades one paragraph: a word is called new when most of its characters lie in a new range. */
export function gradeParagraph(
	label: LabelledParagraph,
	rawText: string,
	marked: MarkedParagraph | undefined,
): WordTally {
	const rawWords = rawText.trim().split(/\s+/);
	const places = marked ? locateWords(rawWords, marked.text) : rawWords.map(() => null);
	const tally: WordTally = {
		tp: 0,
		fp: 0,
		fn: 0,
		graded: 0,
		falseNewParagraphs: 0,
		keptParagraphs: 0,
	};
	let calledNew = 0;
	rawWords.forEach((_, i) => {
		if (inRange(label.unsure, i)) return;
		const place = places[i] ?? null;
		let covered = 0;
		if (place && marked) {
			for (const r of marked.newRanges)
				covered += Math.max(0, Math.min(r.end, place.end) - Math.max(r.start, place.start));
		}
		const predicted = place !== null && covered * 2 > place.end - place.start;
		const truth = inRange(label.new, i);
		tally.graded++;
		if (predicted) calledNew++;
		if (predicted && truth) tally.tp++;
		else if (predicted) tally.fp++;
		else if (truth) tally.fn++;
	});
	if (label.new.length === 0) {
		tally.keptParagraphs = 1;
		if (calledNew > 0) tally.falseNewParagraphs = 1;
	}
	return tally;
}

export function addWordTally(a: WordTally, b: WordTally): WordTally {
	return {
		tp: a.tp + b.tp,
		fp: a.fp + b.fp,
		fn: a.fn + b.fn,
		graded: a.graded + b.graded,
		falseNewParagraphs: a.falseNewParagraphs + b.falseNewParagraphs,
		keptParagraphs: a.keptParagraphs + b.keptParagraphs,
	};
}

export const emptyWordTally: WordTally = {
	tp: 0,
	fp: 0,
	fn: 0,
	graded: 0,
	falseNewParagraphs: 0,
	keptParagraphs: 0,
};

/** Grades a method on one labelled member. */
export function gradeMember(label: LabelledMember, method: NoveltyMethod): WordTally | null {
	const texts = memberAndEarlier(label);
	if (!texts) return null;
	const marks = method(texts.member, texts.earlier);
	return label.paragraphs.reduce((t, p) => {
		const raw = texts.raw.get(p.ref);
		if (raw === undefined)
			throw new Error(`${label.file}: no paragraph ${p.ref} in ${label.member}`);
		return addWordTally(t, gradeParagraph(p, raw, marks.get(p.ref)));
	}, emptyWordTally);
}

/** The paragraph text a method marks, keyed by ref. */
export function paragraphTexts(member: Resolution): Map<string, string> {
	return new Map(member.paragraphs.map((p) => [p.ref, paragraphText(p)]));
}
