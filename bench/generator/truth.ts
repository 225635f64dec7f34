/**
 * What a generated pair should produce: one expected change per outcome, in
 * the structured diff's own terms (status, moved, from/to refs, lead shift,
 * routine), plus the edit that caused it, so that a miss can be reported as
 * "a merge was read as a removal".
 */
import type { ChangeStatus, LeadChange, ParagraphPointer } from "../../src/core/diff/schema.ts";
import type { Resolution } from "../../src/core/model.ts";

export type EditKind =
	| "insert"
	| "delete"
	| "reword"
	| "rewrite"
	| "move"
	| "merge"
	| "split"
	| "promote"
	| "lead"
	| "bump";

export const EDIT_KINDS: readonly EditKind[] = [
	"insert",
	"delete",
	"reword",
	"rewrite",
	"move",
	"merge",
	"split",
	"promote",
	"lead",
	"bump",
];

export interface ExpectedChange {
	readonly status: ChangeStatus;
	readonly moved: boolean;
	readonly from: readonly ParagraphPointer[];
	readonly to: readonly ParagraphPointer[];
	/** On paired entries (first ref of each side); null for new and removed. */
	readonly lead: LeadChange | null;
	/** Only a reworded entry can be routine. */
	readonly routine: boolean;
	/** The edit that made this outcome; "none" for a paragraph left alone (it may still have been renumbered). */
	readonly edit: EditKind | "none";
}

export type PairKind = "edited" | "identity" | "renumbering";

export interface GeneratedPair {
	readonly kind: PairKind;
	readonly seed: number;
	readonly old: Resolution;
	readonly new: Resolution;
	/** The new version as official text, the way a user would hand it over. */
	readonly newText: string;
	readonly edits: readonly EditKind[];
	/** Every paragraph of both versions appears in exactly one entry. */
	readonly truth: readonly ExpectedChange[];
}
