export { type CompareOptions, compare, summarize } from "./compare.ts";
export { movedPairs } from "./moves.ts";
export { redline } from "./redline.ts";
export { isRoutineChange } from "./routine.ts";
export * from "./schema.ts";

/**
 * Version of the comparison engine's output. Stored comparisons made by
 * another version are recomputed; bump it whenever compare() can answer
 * differently for the same texts.
 */
export const ENGINE_VERSION = "7";
