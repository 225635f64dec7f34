export { lineage } from "./lineage.ts";
export { newLanguage } from "./new-language.ts";
export * from "./schema.ts";
