export { compare } from "./compare.ts";
export { movedPairs } from "./moves.ts";
export { redline } from "./redline.ts";
export { isRoutineChange } from "./routine.ts";
export * from "./schema.ts";
