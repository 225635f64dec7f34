/**
 * bench:db's phrase-provenance queries: one paragraph's provenance (its
 * spans and annotation) and a member's phrase-level new language (reworded
 * paragraphs with their spans beside wholly new ones), each on a member and
 * paragraph drawn at random.
 */
import type { Resolution } from "../../src/core/model.ts";
import type { ServiceContext } from "../../src/services/context.ts";
import { getPhraseNewLanguage, getProvenance } from "../../src/services/provenance.ts";
import type { createRng } from "./prng.ts";

export function provenanceQueries(
	ctx: ServiceContext,
	seriesId: string,
	members: readonly Resolution[],
	rng: ReturnType<typeof createRng>,
): Record<string, () => Promise<unknown>> {
	const pick = () => members[rng.int(0, members.length - 1)];
	return {
		"provenance of a paragraph": () => {
			const m = pick();
			const p = m?.paragraphs[rng.int(0, (m?.paragraphs.length ?? 1) - 1)];
			return getProvenance(ctx, m?.symbol ?? "", p?.ref ?? "OP1");
		},
		"phrase-level new language of a member": () =>
			getPhraseNewLanguage(ctx, seriesId, pick()?.symbol ?? ""),
	};
}
