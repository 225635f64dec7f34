/**
 * Stable anchors for the paragraphs of a redline, so that a link such as
 * `/diff/34-39/37-39#OP5` lands on a paragraph and keeps landing there.
 *
 * - A change with a paragraph in the new text is anchored at the new text's
 *   ref (`OP5`): that is the number people cite.
 * - A split has several: the block carries the first, and each further ref
 *   (`OP6`) anchors its own label inside the block.
 * - A removed paragraph has no new ref, and its old ref may name another
 *   paragraph in the new text, so it is `removed-` and the old ref
 *   (`removed-OP5`).
 */
import type { Change } from "../core/diff/schema.ts";

export const REMOVED_ANCHOR_PREFIX = "removed-";

/**
 * The id of a change's block.
 *
 * @example
 * anchorId({ ...change, from: [OP4], to: [OP5] }) // "OP5"
 * anchorId({ ...change, status: "removed", from: [OP5], to: [] }) // "removed-OP5"
 */
export function anchorId(change: Change): string {
	const to = change.to[0];
	if (to) return to.ref;
	return `${REMOVED_ANCHOR_PREFIX}${change.from[0]?.ref ?? "paragraph"}`;
}

/** Refs of the new text beyond the first (a split's later paragraphs), each anchored inside the block. */
export function extraAnchorIds(change: Change): string[] {
	return change.to.slice(1).map((p) => p.ref);
}
