/**
 * The edits the generator knows, each applied to paragraphs no other edit has
 * touched, each recording its true outcome in the draft. An edit returns
 * false when the draft offers it nowhere to apply (no untouched paragraph that
 * qualifies); the caller then draws another.
 */
import type { LeadShift } from "../../src/core/lexicon/lexicon.ts";
import { matchLead } from "../../src/core/lexicon/lexicon.ts";
import { joinLead, type ParagraphKind } from "../../src/core/model.ts";
import type { Rng } from "../lib/prng.ts";
import { syntheticClause } from "../lib/vocabulary.ts";
import {
	concatMarked,
	markBody,
	rewordFew,
	rewriteClause,
	unmarkBody,
	withText,
	wordCount,
} from "./body-text.ts";
import type { Draft, DraftParagraph } from "./draft.ts";
import {
	capitalise,
	lowerFirst,
	promotedLead,
	randomLead,
	readsBack,
	shiftedLead,
} from "./leads.ts";
import { type BumpOptions, bumpRoutine, hasRoutine } from "./routine.ts";
import type { EditKind } from "./truth.ts";

export interface EditContext {
	readonly rng: Rng;
	/** How the routine bump moves years and sessions in this pair. */
	readonly bump: BumpOptions;
	readonly tuning?: Tuning;
}

/**
 * Knobs for the sensitivity sweeps, off by default: they make edits harder
 * than the benchmark's definitions so as to show where the engine's
 * thresholds give way.
 */
export interface Tuning {
	/** Share range of a rewritten clause (default 25-40%). */
	readonly rewriteShare?: readonly [number, number];
	/**
	 * After a move, merge, split or promotion, also rewrite this share of each
	 * resulting paragraph (a moved paragraph then becomes reworded and moved).
	 */
	readonly rewordAfter?: number;
}

export type Edit = (draft: Draft, ctx: EditContext) => boolean;

/** Bodies shorter than this are left out of word-level edits: a few changed words would be most of them. */
const MIN_WORDS = 12;
/** Each half of a split keeps at least this many words, so both read as paragraphs. */
const MIN_SPLIT_WORDS = 8;

function pickFree(
	draft: Draft,
	rng: Rng,
	test: (p: DraftParagraph) => boolean,
	kind?: ParagraphKind,
): DraftParagraph | null {
	const candidates = draft.free(kind).filter(test);
	return candidates.length > 0 ? rng.pick(candidates) : null;
}

/** Changes a body with `change` (working on the marked text), keeping the lead readable. */
function editBody(
	draft: Draft,
	p: DraftParagraph,
	change: (text: string) => string | null,
	edit: EditKind,
	routine = false,
): boolean {
	const marked = markBody(p.body, p.footnotes);
	const text = change(marked.text);
	if (text === null || text === marked.text) return false;
	const { body, footnotes } = unmarkBody(withText(marked, text));
	if (!readsBack(p.kind, p.lead, p.lemma, body)) return false;
	draft.replace(p, { body, footnotes }, edit, routine);
	return true;
}

/**
 * The sweeps' extra rewording of a structural edit's result, in place: the
 * paragraph keeps its id and its entry (whose status the caller sets).
 */
function rewordResult(draft: Draft, p: DraftParagraph, ctx: EditContext): void {
	const share = ctx.tuning?.rewordAfter ?? 0;
	if (share <= 0) return;
	const marked = markBody(p.body, p.footnotes);
	const text = rewriteClause(marked.text, ctx.rng, [share, share]);
	const { body, footnotes } = unmarkBody(withText(marked, text));
	if (text === marked.text || !readsBack(p.kind, p.lead, p.lemma, body)) return;
	const at = draft.indexOf(p);
	draft.paragraphs[at] = { ...p, body, footnotes };
}

const insert: Edit = (draft, { rng }) => {
	const kind: ParagraphKind = rng.chance(0.4) ? "preambular" : "operative";
	const body = `${syntheticClause(rng, rng.int(12, 40))}${kind === "preambular" ? "," : ";"}`;
	const { lead, lemma } = randomLead(kind, rng, body);
	const p = draft.create({ kind, lead, lemma, body, subparagraphs: [], footnotes: [] });
	const count = draft.ofKind(kind).length;
	// Operative paragraphs go before the last one, which closes the text with a full stop.
	const k = kind === "preambular" ? rng.int(0, count) : rng.int(0, Math.max(0, count - 1));
	draft.insert(draft.slotOfKind(kind, k), p);
	return true;
};

const remove: Edit = (draft, { rng }) => {
	const operatives = draft.ofKind("operative").length;
	const p = pickFree(
		draft,
		rng,
		(q) => draft.isMovable(q) && (q.kind === "preambular" || operatives > 2),
	);
	if (!p) return false;
	draft.setEntry([p.id], { status: "removed", edit: "delete", routine: false, to: [] });
	draft.remove(p);
	return true;
};

const reword: Edit = (draft, { rng }) => {
	const p = pickFree(draft, rng, (q) => wordCount(q.body) >= MIN_WORDS);
	return p !== null && editBody(draft, p, (text) => rewordFew(text, rng), "reword");
};

const rewrite: Edit = (draft, { rng, tuning }) => {
	const p = pickFree(draft, rng, (q) => wordCount(q.body) >= MIN_WORDS);
	const share = tuning?.rewriteShare;
	return p !== null && editBody(draft, p, (text) => rewriteClause(text, rng, share), "rewrite");
};

const move: Edit = (draft, ctx) => {
	const { rng } = ctx;
	const kind: ParagraphKind = rng.chance(0.4) ? "preambular" : "operative";
	const same = draft.ofKind(kind);
	// The last operative paragraph stays last (it ends the text with a full stop).
	const slots = kind === "operative" ? same.length - 1 : same.length;
	const movable = same.slice(0, slots).filter((p) => draft.isMovable(p));
	if (movable.length === 0 || slots < 3) return false;
	const p = rng.pick(movable);
	const from = same.indexOf(p);
	const targets = Array.from({ length: slots }, (_, k) => k).filter((k) => Math.abs(k - from) >= 2);
	if (targets.length === 0) return false;
	if (!draft.relocate(p, rng.pick(targets))) return false;
	rewordResult(draft, p, ctx);
	const reworded = draft.paragraphs[draft.indexOf(p)]?.body !== p.body;
	draft.setEntry([p.id], {
		status: reworded ? "reworded" : "unchanged",
		edit: "move",
		routine: false,
	});
	return true;
};

/** Drops the final ";" or "." of a marked body (footnote sentinels after it stay). */
function withoutFinalStop(text: string): string {
	return text.replace(/[;.,](?=(?:\uE000[\uE100-\uEFFF])*\s*$)/, "");
}

const merge: Edit = (draft, ctx) => {
	const { rng } = ctx;
	const list = draft.paragraphs;
	const pairs = list.slice(0, -1).flatMap((a, i) => {
		const b = list[i + 1];
		const ok =
			b &&
			a.kind === "operative" &&
			b.kind === "operative" &&
			draft.isMovable(a) &&
			draft.isMovable(b) &&
			a.subparagraphs.length === 0 &&
			b.subparagraphs.length === 0;
		return ok ? [[a, b] as const] : [];
	});
	if (pairs.length === 0) return false;
	const [a, b] = rng.pick(pairs);
	const first = markBody(a.body, a.footnotes);
	const second = markBody(b.body, b.footnotes);
	// "A; + B;" -> "A, and b...;": B's lead continues A's sentence in lower case.
	const joined = concatMarked([
		withText(first, `${withoutFinalStop(first.text)}, and `),
		withText(second, lowerFirst(joinLead(b.lead, second.text))),
	]);
	const { body, footnotes } = unmarkBody(joined);
	if (!readsBack("operative", a.lead, a.lemma, body)) return false;
	const merged = draft.create({ ...a, body, footnotes, subparagraphs: [] });
	draft.setEntry([a.id, b.id], {
		status: "merged",
		edit: "merge",
		routine: false,
		to: [merged.id],
	});
	draft.substitute(a, [merged]);
	draft.remove(b);
	rewordResult(draft, merged, ctx);
	return true;
};

/** Where an operative body can be cut in two: ", and urges ...", ", urges ...". */
function splitPoints(text: string): { cut: number; rest: number }[] {
	const points: { cut: number; rest: number }[] = [];
	for (const m of text.matchAll(/, (?:and )?(?=\p{Ll})/gu)) {
		const rest = m.index + m[0].length;
		const match = matchLead(text.slice(rest), "operative");
		if (match.foundIn !== "operative") continue;
		const head = text.slice(0, m.index);
		const tail = text.slice(rest);
		if (wordCount(head) >= MIN_SPLIT_WORDS && wordCount(tail) >= MIN_SPLIT_WORDS) {
			points.push({ cut: m.index, rest });
		}
	}
	return points;
}

const split: Edit = (draft, ctx) => {
	const { rng } = ctx;
	const candidates = draft
		.free("operative")
		.filter((p) => p.subparagraphs.length === 0)
		.map((p) => ({ p, marked: markBody(p.body, p.footnotes) }))
		.map((c) => ({ ...c, points: splitPoints(c.marked.text) }))
		.filter((c) => c.points.length > 0);
	if (candidates.length === 0) return false;
	const { p, marked, points } = rng.pick(candidates);
	const { cut, rest } = rng.pick(points);
	const head = unmarkBody(withText(marked, `${marked.text.slice(0, cut)};`));
	// The second half opens with the clause's verb, capitalised: "Urges the Government ...".
	const tailText = capitalise(marked.text.slice(rest));
	const match = matchLead(tailText, "operative");
	const tailBody = tailText.slice(tailText.length - tailText.slice(match.end).trimStart().length);
	const tail = unmarkBody(withText(marked, tailBody));
	if (
		!readsBack("operative", p.lead, p.lemma, head.body) ||
		!readsBack("operative", match.lead, match.lemma, tail.body)
	) {
		return false;
	}
	const first = draft.create({ ...p, body: head.body, footnotes: head.footnotes });
	const second = draft.create({
		kind: "operative",
		lead: match.lead,
		lemma: match.lemma,
		body: tail.body,
		footnotes: tail.footnotes,
		subparagraphs: [],
	});
	draft.setEntry([p.id], {
		status: "split",
		edit: "split",
		routine: false,
		to: [first.id, second.id],
	});
	draft.substitute(p, [first, second]);
	rewordResult(draft, first, ctx);
	rewordResult(draft, second, ctx);
	return true;
};

const promote: Edit = (draft, ctx) => {
	const { rng } = ctx;
	const candidates = draft
		.free("preambular")
		.filter((p) => draft.isMovable(p))
		.map((p) => {
			// "Welcoming X," -> "Welcomes X;"
			const body = /[,;.]$/.test(p.body) ? `${p.body.slice(0, -1)};` : `${p.body};`;
			return { p, body, lead: promotedLead(p, body) };
		})
		.filter((c) => c.lead !== null);
	const chosen = candidates.length > 0 ? rng.pick(candidates) : null;
	if (!chosen?.lead) return false;
	const operatives = draft.ofKind("operative").length;
	const saved = draft.checkpoint();
	const promoted = draft.replace(
		chosen.p,
		{ kind: "operative", lead: chosen.lead.lead, lemma: chosen.lead.lemma, body: chosen.body },
		"promote",
	);
	if (!draft.relocate(promoted, rng.int(0, Math.max(0, operatives - 1)))) {
		draft.restore(saved);
		return false;
	}
	rewordResult(draft, promoted, ctx);
	return true;
};

const changeLead: Edit = (draft, { rng }) => {
	const kind: ParagraphKind = rng.chance(0.7) ? "operative" : "preambular";
	const want = rng.weighted<LeadShift>([
		["stronger", 2],
		["weaker", 2],
		["changed", 1],
	]);
	for (const p of rng.shuffle(draft.free(kind)).slice(0, 12)) {
		const lead = shiftedLead(kind, p, want, p.body, rng);
		if (lead) {
			// The truth is the direction asked for, chosen from the lexicon's rank data (./leads.ts).
			draft.replace(p, { lead: lead.lead, lemma: lead.lemma }, "lead", false, want);
			return true;
		}
	}
	return false;
};

const bump: Edit = (draft, { rng, bump: options }) => {
	const p = pickFree(draft, rng, (q) => hasRoutine(q.body, options));
	return p !== null && editBody(draft, p, (text) => bumpRoutine(text, options), "bump", true);
};

export const EDITS: Readonly<Record<EditKind, Edit>> = {
	insert,
	delete: remove,
	reword,
	rewrite,
	move,
	merge,
	split,
	promote,
	lead: changeLead,
	bump,
};

/** Bumps every untouched paragraph that has something to bump: the yearly routine of a new text. */
export function bumpAll(draft: Draft, options: BumpOptions): EditKind[] {
	const done: EditKind[] = [];
	for (const p of draft.free()) {
		if (
			hasRoutine(p.body, options) &&
			editBody(draft, p, (t) => bumpRoutine(t, options), "bump", true)
		) {
			done.push("bump");
		}
	}
	return done;
}
