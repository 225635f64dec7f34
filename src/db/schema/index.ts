export { alignments } from "./alignments.ts";
export { clauseCells, clauses, lineageOrders } from "./clauses.ts";
export { comparisons } from "./comparisons.ts";
export { decisions } from "./decisions.ts";
export { paragraphSpans, shingles } from "./language.ts";
export { paragraphs } from "./paragraphs.ts";
export { resolutions } from "./resolutions.ts";
export { series } from "./series.ts";
