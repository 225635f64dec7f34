/**
 * The benchmark generator: seeded, known edits of a resolution with the true
 * outcome of each, and synthetic series for the storage benchmark.
 */

export { ordinalWords } from "../../src/core/ordinals.ts";
export { type AssembleOptions, assemble, Draft } from "./draft.ts";
export { EDITS } from "./edits.ts";
export { evolveYear, syntheticSeries, syntheticSymbol, YEARLY_MIX, type Year } from "./evolve.ts";
export {
	applyEdits,
	DEFAULT_MIX,
	generatePair,
	identityPair,
	type PairOptions,
	renumberingPair,
} from "./pairs.ts";
export { bumpRoutine } from "./routine.ts";
export {
	EDIT_KINDS,
	type EditKind,
	type ExpectedChange,
	type GeneratedPair,
	type PairKind,
} from "./truth.ts";
