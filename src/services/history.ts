/**
 * The history of one paragraph through its series: in every stored member
 * from the one where its language first appeared, the paragraphs that carry
 * it and the redline against the member before. Built from the series'
 * lineage (which clauses run through the paragraph) and the stored
 * comparisons of consecutive members, so it says what the lineage and the
 * diff pages say.
 */
import type { Change, DiffSide } from "../core/diff/index.ts";
import { NotFoundError } from "../core/errors.ts";
import type { Lineage } from "../core/lineage/index.ts";
import { membersBefore } from "../core/manifest.ts";
import type { Paragraph } from "../core/model.ts";
import type { ServiceContext } from "./context.ts";
import { getDiff, getResolution } from "./resolutions.ts";
import { getLineage, getSeries } from "./series.ts";

/** What became of the paragraph's language in one member. */
export type HistoryState =
	/** Carried by `refs`. */
	| "present"
	/** Dropped: the member before carried it, this one does not. */
	| "removed"
	/** Not carried, and not carried by the member before either (a gap before the language came back). */
	| "absent";

export interface HistoryStep {
	readonly member: DiffSide;
	readonly state: HistoryState;
	/** The paragraphs carrying the language here: one, or several after a split. */
	readonly refs: readonly string[];
	/** The stored member this step is compared with; null for the first member of the series. */
	readonly previous: DiffSide | null;
	/** The rows of that comparison that reach these paragraphs (or record their removal). */
	readonly changes: readonly Change[];
	/** The paragraphs as adopted, where there is no earlier member to compare with. */
	readonly paragraphs: readonly Paragraph[];
}

export interface ParagraphHistory {
	readonly seriesId: string | null;
	/** The member and paragraph asked about. */
	readonly member: DiffSide;
	readonly paragraph: Paragraph;
	/** The stored member where the paragraph's language first appeared. */
	readonly firstAppeared: DiffSide;
	/**
	 * Members of the series not stored yet that were adopted before `firstAppeared`:
	 * the language may be older than the stored texts can show.
	 */
	readonly unstoredEarlier: readonly string[];
	/** From the first appearance to the last stored member, oldest first. */
	readonly steps: readonly HistoryStep[];
}

/**
 * A paragraph ref as people type it: `op5` and `OP5` are the same
 * paragraph; a draft label keeps its own case after the prefix (`OP7bis`).
 */
export function normaliseRef(input: string): string {
	const trimmed = input.trim();
	return trimmed.replace(/^(pp|op)/i, (p) => p.toUpperCase());
}

function side(resolution: {
	symbol: string | null;
	title: string | null;
	adoption: { date: string | null };
}): DiffSide {
	return { symbol: resolution.symbol, title: resolution.title, date: resolution.adoption.date };
}

/** Which clauses of the lineage run through `ref` in member `k`. */
function clausesThrough(lineage: Lineage, k: number, ref: string): Lineage["clauses"] {
	return lineage.clauses.filter((c) => c.cells[k]?.ref === ref);
}

/** The refs carrying any of the clauses in member `k`, in their order of first mention. */
function refsIn(clauses: Lineage["clauses"], k: number): string[] {
	return [
		...new Set(
			clauses.flatMap((c) => {
				const cell = c.cells[k];
				return cell ? [cell.ref] : [];
			}),
		),
	];
}

/** The changes of a comparison that lead to `refs`, or that remove `previousRefs` outright. */
function changesReaching(
	changes: readonly Change[],
	refs: readonly string[],
	previousRefs: readonly string[],
): Change[] {
	return changes.filter(
		(c) =>
			c.to.some((p) => refs.includes(p.ref)) ||
			(c.to.length === 0 && c.from.some((p) => previousRefs.includes(p.ref))),
	);
}

/**
 * The history of paragraph `refInput` of member `memberInput`.
 *
 * @throws NotFoundError for a member that is not stored, or a ref it does not have.
 * @example
 * const h = await getParagraphHistory(ctx, "37-39", "OP5");
 * h.firstAppeared.symbol // "A/HRC/RES/22/18"
 * h.steps.map((s) => `${s.member.symbol} ${s.state} ${s.refs.join("+")}`)
 */
export async function getParagraphHistory(
	ctx: ServiceContext,
	memberInput: string,
	refInput: string,
): Promise<ParagraphHistory> {
	const stored = await getResolution(ctx, memberInput);
	const { resolution } = stored;
	const ref = normaliseRef(refInput);
	const paragraph = resolution.paragraphs.find((p) => p.ref === ref);
	const name = resolution.number ?? resolution.symbol ?? "this resolution";
	if (!paragraph) {
		const refs = resolution.paragraphs.map((p) => p.ref);
		throw new NotFoundError(
			"paragraph",
			ref,
			`${name} has no paragraph ${ref}; its paragraphs are ${refs.join(", ")}`,
			refs,
		);
	}
	const member = side(resolution);
	const alone: ParagraphHistory = {
		seriesId: null,
		member,
		paragraph,
		firstAppeared: member,
		unstoredEarlier: [],
		steps: [
			{
				member,
				state: "present",
				refs: [ref],
				previous: null,
				changes: [],
				paragraphs: [paragraph],
			},
		],
	};
	if (!stored.seriesId) return alone;

	const [lineage, series] = await Promise.all([
		getLineage(ctx, stored.seriesId),
		getSeries(ctx, stored.seriesId),
	]);
	const k = lineage.members.findIndex((m) => m.symbol === resolution.symbol);
	const through = k >= 0 ? clausesThrough(lineage, k, ref) : [];
	if (through.length === 0) return { ...alone, seriesId: stored.seriesId };

	// A merged paragraph carries several clauses: its language is as old as the oldest.
	const first = Math.min(...through.map((c) => c.first));
	const firstAppeared = lineage.members[first] ?? member;
	const steps: HistoryStep[] = [];
	for (let m = first; m < lineage.members.length; m++) {
		const here = lineage.members[m];
		if (!here) continue;
		const refs = refsIn(through, m);
		const previousRefs = m > 0 ? refsIn(through, m - 1) : [];
		const state: HistoryState =
			refs.length > 0 ? "present" : previousRefs.length > 0 ? "removed" : "absent";
		const previous = m > 0 ? (lineage.members[m - 1] ?? null) : null;
		if (previous?.symbol && here.symbol && state !== "absent") {
			const { diff } = await getDiff(ctx, previous.symbol, here.symbol);
			steps.push({
				member: here,
				state,
				refs,
				previous,
				changes: changesReaching(diff.changes, refs, previousRefs),
				paragraphs: [],
			});
		} else if (here.symbol && state === "present") {
			// The first stored member: nothing earlier to compare with, so the text as adopted.
			const own = (await getResolution(ctx, here.symbol)).resolution;
			steps.push({
				member: here,
				state,
				refs,
				previous: null,
				changes: [],
				paragraphs: own.paragraphs.filter((p) => refs.includes(p.ref)),
			});
		} else {
			steps.push({ member: here, state, refs, previous, changes: [], paragraphs: [] });
		}
	}
	// After the language was dropped for good, the later members have nothing to say about it.
	const lastPresent = steps.findLastIndex((s) => s.state === "present");
	const shown = steps.filter(
		(s, i) => i <= lastPresent || (i === lastPresent + 1 && s.state === "removed"),
	);
	// The manifest lists members in order of adoption, dated or not.
	const unstoredEarlier = membersBefore(series.members, firstAppeared.symbol)
		.filter((m) => !m.present)
		.map((m) => m.symbol);
	return {
		seriesId: stored.seriesId,
		member,
		paragraph,
		firstAppeared,
		unstoredEarlier,
		steps: shown,
	};
}
