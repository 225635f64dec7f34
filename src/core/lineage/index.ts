export { lineage } from "./lineage.ts";
export { newLanguage } from "./new-language.ts";
export * from "./schema.ts";
export {
	extendLineage,
	type LineageState,
	type LineageSteps,
	type StepCell,
	startLineage,
} from "./steps.ts";
