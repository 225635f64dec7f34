/**
 * A working copy of a resolution that edits are applied to, and that keeps
 * the truth as it goes: every paragraph of the old version and of the copy
 * belongs to exactly one entry. `assemble` turns the copy into the new
 * Resolution and the entries into expected changes.
 *
 * The expected changes come from what the edits did, never from the engine:
 * statuses and lead shifts are recorded by the edit that made them, moves by
 * the generator's own order tracking (./order.ts), refs by the numbering
 * written here. The new text is still read back through the parser, since
 * that is what users hand over, and must read as it was written.
 */
import type { ChangeStatus, LeadShift, ParagraphPointer } from "../../src/core/diff/schema.ts";
import type {
	Footnote,
	Paragraph,
	ParagraphKind,
	Resolution,
	SubParagraph,
} from "../../src/core/model.ts";
import { parseResolution, toOfficialText } from "../../src/core/parse/index.ts";
import { clearMoves, type Placed, relocatedOutOfOrder } from "./order.ts";
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
	/** The lead's change in force as the edit intended it ("same" unless a lead edit chose otherwise). */
	readonly shift: LeadShift;
}

/** What `checkpoint` saves and `restore` puts back. */
export interface DraftState {
	readonly paragraphs: DraftParagraph[];
	readonly entries: DraftEntry[];
	readonly touched: Set<number>;
	readonly relocated: Set<number>;
	readonly pinned: Set<number>;
	readonly nextId: number;
}

export class Draft {
	readonly old: Resolution;
	/** The new version's paragraphs, in order. */
	paragraphs: DraftParagraph[];
	entries: DraftEntry[];
	private touched = new Set<number>();
	/** Paragraphs an edit put elsewhere in the order (a move, a promotion). */
	private relocated = new Set<number>();
	/**
	 * Paragraphs a relocated one crossed: they stay paired and where they are
	 * (no delete, merge, move or promotion), so the move stays the clear answer.
	 */
	private pinned = new Set<number>();
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
			shift: "same",
		}));
		this.nextId = old.paragraphs.length;
	}

	checkpoint(): DraftState {
		return {
			paragraphs: [...this.paragraphs],
			entries: [...this.entries],
			touched: new Set(this.touched),
			relocated: new Set(this.relocated),
			pinned: new Set(this.pinned),
			nextId: this.nextId,
		};
	}

	restore(state: DraftState): void {
		this.paragraphs = [...state.paragraphs];
		this.entries = [...state.entries];
		this.touched = new Set(state.touched);
		this.relocated = new Set(state.relocated);
		this.pinned = new Set(state.pinned);
		this.nextId = state.nextId;
	}

	/** Whether an edit may take the paragraph away from its place (delete, merge, move, promote). */
	isMovable(p: DraftParagraph): boolean {
		return !this.touched.has(p.id) && !this.pinned.has(p.id);
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
		shift: LeadShift = "same",
	): DraftParagraph {
		const updated = { ...p, ...content };
		this.paragraphs[this.indexOf(p)] = updated;
		this.setEntry([p.id], { status: "reworded", edit, routine, shift });
		return updated;
	}

	/** Records what became of the old paragraphs that drafts `ids` stood for. */
	setEntry(
		ids: readonly number[],
		entry: Omit<DraftEntry, "from" | "to" | "shift"> & {
			to?: readonly number[];
			shift?: LeadShift;
		},
	): void {
		const old = this.entries.filter((e) => e.to.some((id) => ids.includes(id)));
		this.entries = this.entries.filter((e) => !old.includes(e));
		this.entries.push({
			status: entry.status,
			edit: entry.edit,
			routine: entry.routine,
			shift: entry.shift ?? "same",
			from: old.flatMap((e) => e.from),
			to: entry.to ?? ids,
		});
		for (const id of ids) this.touched.add(id);
	}

	/** Adds a paragraph that has no counterpart in the old version. */
	insert(at: number, p: DraftParagraph, edit: EditKind = "insert"): void {
		this.paragraphs.splice(at, 0, p);
		this.entries.push({
			status: "new",
			from: [],
			to: [p.id],
			edit,
			routine: false,
			shift: "same",
		});
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

	/**
	 * Moves `p` to be the `k`-th paragraph of its kind and records it as
	 * relocated; the paragraphs it crossed are pinned. Returns false, and
	 * changes nothing, when the moves would then no longer have one clear
	 * answer (see ./order.ts).
	 */
	relocate(p: DraftParagraph, k: number): boolean {
		const saved = this.checkpoint();
		const before = new Map(this.paragraphs.map((q, i) => [q.id, i]));
		this.placeAmongKind(p, k);
		const after = new Map(this.paragraphs.map((q, i) => [q.id, i]));
		const from = before.get(p.id) ?? 0;
		const to = after.get(p.id) ?? 0;
		for (const [id, was] of before) {
			const now = after.get(id);
			if (id !== p.id && now !== undefined && Math.sign(was - from) !== Math.sign(now - to)) {
				this.pinned.add(id);
			}
		}
		this.relocated.add(p.id);
		const placed = this.placed();
		if (clearMoves(placed, relocatedOutOfOrder(placed))) return true;
		this.restore(saved);
		return false;
	}

	/** Each entry with paragraphs on both sides, by its first paragraph of each. */
	placed(): Placed[] {
		const at = new Map(this.paragraphs.map((q, i) => [q.id, i]));
		return this.entries.flatMap((e) => {
			if (e.from.length === 0 || e.to.length === 0) return [];
			const news = e.to.map((id) => at.get(id) ?? -1);
			return [
				{
					oldIndex: Math.min(...e.from),
					newIndex: Math.min(...news),
					relocated: e.to.some((id) => this.relocated.has(id)),
				},
			];
		});
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
	return { resolution, text, truth: expectedChanges(draft, built) };
}

/** The parser must read back exactly the paragraphs the generator wrote; anything else is a generator bug. */
function checkReadBack(written: readonly Paragraph[], read: readonly Paragraph[]): void {
	if (written.length !== read.length) {
		throw new Error(`generator: wrote ${written.length} paragraphs, read back ${read.length}`);
	}
	written.forEach((w, i) => {
		const r = read[i];
		if (
			!r ||
			r.ref !== w.ref ||
			r.number !== w.number ||
			r.kind !== w.kind ||
			r.lead !== w.lead ||
			r.lemma !== w.lemma ||
			r.body !== w.body
		) {
			throw new Error(
				`generator: paragraph ${i} (${w.ref}) reads back differently:\n  wrote ${w.ref} ${w.kind} "${w.lead}" [${w.lemma}] ${w.body}\n  read  ${r?.ref} ${r?.kind} "${r?.lead}" [${r?.lemma}] ${r?.body}`,
			);
		}
	});
}

/** The expected changes, from the draft's entries and the paragraphs as the generator numbered them. */
function expectedChanges(draft: Draft, built: readonly Paragraph[]): ExpectedChange[] {
	const oldParas = draft.old.paragraphs;
	const newIndex = new Map(draft.paragraphs.map((p, i) => [p.id, i]));
	const entries = draft.entries.map((e) => {
		const from = [...e.from].sort((a, b) => a - b);
		const to = e.to.map((id) => newIndex.get(id) ?? -1).sort((a, b) => a - b);
		if (to.includes(-1))
			throw new Error(`generator: an entry names a paragraph no longer in the text`);
		return { ...e, from, to };
	});
	const placed = draft.placed();
	const moved = relocatedOutOfOrder(placed);
	if (!clearMoves(placed, moved)) {
		throw new Error("generator: the moves it made no longer have one clear answer");
	}
	// `placed` lists the paired entries in the draft's entry order, as `entries` does.
	const paired = entries.filter((e) => e.from.length > 0 && e.to.length > 0);
	const out = entries.map((e): ExpectedChange => {
		const olds = e.from.map((i) => oldParas[i]).filter((p) => p !== undefined);
		const news = e.to.map((i) => built[i]).filter((p) => p !== undefined);
		const a = olds[0];
		const b = news[0];
		if (a && b && olds.length === 1 && news.length === 1) {
			const same = a.lead === b.lead && a.body === b.body && sameParts(a, b);
			if (same !== (e.status === "unchanged")) {
				throw new Error(
					`generator: ${e.edit} on ${a.ref} -> ${b.ref} is recorded ${e.status} but the texts are ${same ? "equal" : "different"}`,
				);
			}
		}
		return {
			status: e.status,
			moved: moved.has(paired.indexOf(e)),
			from: olds.map(pointer),
			to: news.map(pointer),
			lead: a && b ? { from: a.lead, to: b.lead, shift: e.shift } : null,
			routine: e.status === "reworded" && e.routine,
			edit: e.edit,
		};
	});
	// In the new text's order; removed paragraphs after, in the old text's order.
	const position = (c: ExpectedChange): number => {
		const to = c.to[0];
		if (to) return built.findIndex((p) => p.ref === to.ref);
		const from = c.from[0];
		return built.length + oldParas.findIndex((p) => p.ref === from?.ref);
	};
	return out.sort((x, y) => position(x) - position(y));
}

/** Sub-paragraphs and footnote texts, which an edit may change without touching the body. */
function sameParts(a: Paragraph, b: Paragraph): boolean {
	const subs = (p: Paragraph) => p.subparagraphs.map((s) => `${s.label} ${s.text}`).join("\n");
	const notes = (p: Paragraph) => p.footnotes.map((f) => f.text).join("\n");
	return subs(a) === subs(b) && notes(a) === notes(b);
}
