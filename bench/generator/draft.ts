/**
 * A working copy of a resolution that edits are applied to, and that keeps
 * the truth as it goes: every paragraph of the old version and of the copy
 * belongs to exactly one entry. `assemble` turns the copy into the new
 * Resolution (through its official text, so refs are the ones a reader sees)
 * and the entries into expected changes named by those refs.
 */
import { movedPairs } from "../../src/core/diff/moves.ts";
import type { ChangeStatus, ParagraphPointer } from "../../src/core/diff/schema.ts";
import { leadShift } from "../../src/core/lexicon/lexicon.ts";
import {
	type Footnote,
	type Paragraph,
	type ParagraphKind,
	paragraphText,
	type Resolution,
	type SubParagraph,
} from "../../src/core/model.ts";
import { parseResolution, toOfficialText } from "../../src/core/parse/index.ts";
import type { EditKind, ExpectedChange } from "./truth.ts";

export interface DraftParagraph {
	readonly id: number;
	readonly kind: ParagraphKind;
	readonly lead: string;
	readonly lemma: string;
	readonly body: string;
	readonly subparagraphs: readonly SubParagraph[];
	readonly footnotes: readonly Footnote[];
}

export interface DraftEntry {
	readonly status: ChangeStatus;
	/** Indexes into the old version's paragraphs. */
	readonly from: readonly number[];
	/** Ids of draft paragraphs. */
	readonly to: readonly number[];
	readonly edit: EditKind | "none";
	readonly routine: boolean;
}

export class Draft {
	readonly old: Resolution;
	/** The new version's paragraphs, in order. */
	paragraphs: DraftParagraph[];
	entries: DraftEntry[];
	private readonly touched = new Set<number>();
	private nextId: number;

	constructor(old: Resolution) {
		this.old = old;
		this.paragraphs = old.paragraphs.map((p, i) => ({
			id: i,
			kind: p.kind,
			lead: p.lead,
			lemma: p.lemma,
			body: p.body,
			subparagraphs: p.subparagraphs,
			footnotes: p.footnotes,
		}));
		this.entries = old.paragraphs.map((_, i) => ({
			status: "unchanged",
			from: [i],
			to: [i],
			edit: "none",
			routine: false,
		}));
		this.nextId = old.paragraphs.length;
	}

	/** Paragraphs no edit has touched yet: each edit takes its own, so the truth stays unambiguous. */
	free(kind?: ParagraphKind): DraftParagraph[] {
		return this.paragraphs.filter(
			(p) => !this.touched.has(p.id) && (kind === undefined || p.kind === kind),
		);
	}

	isFree(p: DraftParagraph): boolean {
		return !this.touched.has(p.id);
	}

	/** The paragraphs of one kind, in order. */
	ofKind(kind: ParagraphKind): DraftParagraph[] {
		return this.paragraphs.filter((p) => p.kind === kind);
	}

	indexOf(p: DraftParagraph): number {
		return this.paragraphs.findIndex((q) => q.id === p.id);
	}

	/** A new paragraph's id; new paragraphs are touched from birth. */
	create(p: Omit<DraftParagraph, "id">): DraftParagraph {
		const made = { ...p, id: this.nextId++ };
		this.touched.add(made.id);
		return made;
	}

	/** Replaces an untouched paragraph in place with edited content (same id, same entry). */
	replace(
		p: DraftParagraph,
		content: Partial<Omit<DraftParagraph, "id">>,
		edit: EditKind,
		routine = false,
	): DraftParagraph {
		const updated = { ...p, ...content };
		this.paragraphs[this.indexOf(p)] = updated;
		this.setEntry([p.id], { status: "reworded", edit, routine });
		return updated;
	}

	/** Records what became of the old paragraphs that drafts `ids` stood for. */
	setEntry(
		ids: readonly number[],
		entry: Omit<DraftEntry, "from" | "to"> & { to?: readonly number[] },
	): void {
		const old = this.entries.filter((e) => e.to.some((id) => ids.includes(id)));
		this.entries = this.entries.filter((e) => !old.includes(e));
		this.entries.push({
			status: entry.status,
			edit: entry.edit,
			routine: entry.routine,
			from: old.flatMap((e) => e.from),
			to: entry.to ?? ids,
		});
		for (const id of ids) this.touched.add(id);
	}

	/** Adds a paragraph that has no counterpart in the old version. */
	insert(at: number, p: DraftParagraph, edit: EditKind = "insert"): void {
		this.paragraphs.splice(at, 0, p);
		this.entries.push({ status: "new", from: [], to: [p.id], edit, routine: false });
	}

	/** Removes a paragraph from the new version, keeping its entry's old side. */
	remove(p: DraftParagraph): void {
		this.paragraphs = this.paragraphs.filter((q) => q.id !== p.id);
		this.touched.add(p.id);
	}

	/** Puts `replacements` where `p` stood (a merge's result, a split's two halves). */
	substitute(p: DraftParagraph, replacements: readonly DraftParagraph[]): void {
		const at = this.indexOf(p);
		this.paragraphs.splice(at, 1, ...replacements);
		this.touched.add(p.id);
	}

	/** Moves `p` so that it becomes the `k`-th paragraph of its kind. */
	placeAmongKind(p: DraftParagraph, k: number): void {
		this.paragraphs = this.paragraphs.filter((q) => q.id !== p.id);
		this.paragraphs.splice(this.slotOfKind(p.kind, k), 0, p);
		this.touched.add(p.id);
	}

	/** The list index at which the `k`-th paragraph of a kind would stand (k may be one past the last). */
	slotOfKind(kind: ParagraphKind, k: number): number {
		const same = this.ofKind(kind);
		const at = same[k];
		if (at) return this.indexOf(at);
		const last = same.at(-1);
		if (last) return this.indexOf(last) + 1;
		return kind === "preambular" ? 0 : this.paragraphs.length;
	}
}

export interface AssembleOptions {
	/** The new version's printed operative numbers, by position among operative paragraphs (0-based). */
	readonly numbering?: (k: number) => number;
	/** Header fields of the new version; the title must say it is synthetic. */
	readonly header: Pick<Resolution, "symbol" | "number" | "title" | "session"> &
		Partial<Pick<Resolution, "adoption">>;
	/**
	 * Write the official text and parse it back (the default), so refs are the
	 * parser's; off for texts too large for the parser (the speed benchmark).
	 */
	readonly reparse?: boolean;
}

export interface Assembled {
	readonly resolution: Resolution;
	readonly text: string;
	readonly truth: ExpectedChange[];
}

/** Printed marks in order of appearance, as the parser gives them. */
function renumberMarks(paragraphs: Paragraph[]): void {
	let n = 0;
	for (const p of paragraphs) {
		p.footnotes = p.footnotes.map((f) => (f.mark === "*" ? f : { ...f, mark: String(++n) }));
	}
}

function pointer(p: Paragraph): ParagraphPointer {
	return { ref: p.ref, kind: p.kind, number: p.number };
}

/** Builds the new Resolution and the expected changes. */
export function assemble(draft: Draft, options: AssembleOptions): Assembled {
	const numbering = options.numbering ?? ((k: number) => k + 1);
	let pp = 0;
	let op = 0;
	const built: Paragraph[] = draft.paragraphs.map((d) => {
		const operative = d.kind === "operative";
		const number = operative ? numbering(op++) : null;
		return {
			ref: operative ? `OP${number}` : `PP${++pp}`,
			kind: d.kind,
			number,
			label: null,
			lead: d.lead,
			lemma: d.lemma,
			body: d.body,
			subparagraphs: d.subparagraphs.map((s) => ({ ...s })),
			footnotes: d.footnotes.map((f) => ({ ...f })),
		};
	});
	renumberMarks(built);
	const draftRes: Resolution = {
		...draft.old,
		adoption: options.header.adoption ?? draft.old.adoption,
		symbol: options.header.symbol,
		number: options.header.number,
		title: options.header.title,
		session: options.header.session,
		paragraphs: built,
		notes: draft.old.notes,
		warnings: [],
	};
	const text = toOfficialText(draftRes);
	let resolution = draftRes;
	if (options.reparse ?? true) {
		const parsed = parseResolution(text, { symbol: options.header.symbol ?? undefined });
		resolution = { ...parsed, symbol: options.header.symbol, session: options.header.session };
		checkReadBack(built, resolution.paragraphs);
	}
	return { resolution, text, truth: expectedChanges(draft, resolution) };
}

/** The parser must read back exactly the paragraphs the generator wrote; anything else is a generator bug. */
function checkReadBack(written: readonly Paragraph[], read: readonly Paragraph[]): void {
	if (written.length !== read.length) {
		throw new Error(`generator: wrote ${written.length} paragraphs, read back ${read.length}`);
	}
	written.forEach((w, i) => {
		const r = read[i];
		if (!r || r.kind !== w.kind || r.lead !== w.lead || r.lemma !== w.lemma || r.body !== w.body) {
			throw new Error(
				`generator: paragraph ${i} (${w.ref}) reads back differently:\n  wrote ${w.kind} "${w.lead}" [${w.lemma}] ${w.body}\n  read  ${r?.kind} "${r?.lead}" [${r?.lemma}] ${r?.body}`,
			);
		}
	});
}

function expectedChanges(draft: Draft, next: Resolution): ExpectedChange[] {
	const oldParas = draft.old.paragraphs;
	const newIndex = new Map(draft.paragraphs.map((p, i) => [p.id, i]));
	const entries = draft.entries.map((e) => {
		const from = [...e.from].sort((a, b) => a - b);
		const to = e.to.map((id) => newIndex.get(id) ?? -1).sort((a, b) => a - b);
		if (to.includes(-1))
			throw new Error(`generator: an entry names a paragraph no longer in the text`);
		return { ...e, from, to };
	});
	const paired = entries.filter((e) => e.from.length > 0 && e.to.length > 0);
	const moved = movedPairs(
		paired.map((e) => ({ oldIndex: e.from[0] ?? 0, newIndex: e.to[0] ?? 0 })),
	);
	const out = entries.map((e): ExpectedChange => {
		const olds = e.from.map((i) => oldParas[i]).filter((p) => p !== undefined);
		const news = e.to.map((i) => next.paragraphs[i]).filter((p) => p !== undefined);
		const a = olds[0];
		const b = news[0];
		const pairIndex = paired.indexOf(e);
		if (a && b && olds.length === 1 && news.length === 1) {
			const same = paragraphText(a) === paragraphText(b);
			if (same !== (e.status === "unchanged")) {
				throw new Error(
					`generator: ${e.edit} on ${a.ref} -> ${b.ref} is recorded ${e.status} but the texts are ${same ? "equal" : "different"}`,
				);
			}
		}
		return {
			status: e.status,
			moved: pairIndex >= 0 && moved.has(pairIndex),
			from: olds.map(pointer),
			to: news.map(pointer),
			lead: a && b ? { from: a.lead, to: b.lead, shift: leadShift(a.lemma, b.lemma) } : null,
			routine: e.status === "reworded" && e.routine,
			edit: e.edit,
		};
	});
	// In the new text's order; removed paragraphs after, in the old text's order.
	const position = (c: ExpectedChange): number => {
		const to = c.to[0];
		if (to) return next.paragraphs.findIndex((p) => p.ref === to.ref);
		const from = c.from[0];
		return next.paragraphs.length + oldParas.findIndex((p) => p.ref === from?.ref);
	};
	return out.sort((x, y) => position(x) - position(y));
}
