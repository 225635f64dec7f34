export { MAX_PARAGRAPHS, MAX_TEXT_BYTES } from "./normalise.ts";
export { toOfficialText } from "./official-text.ts";
export { type ParseOptions, parseResolution } from "./parse.ts";
