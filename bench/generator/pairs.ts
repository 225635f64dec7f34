/**
 * Generated pairs with known answers: the old version is the given text, the
 * new one is a synthetic variant made by seeded edits (or, for the control
 * pairs, no edits at all or only new operative numbers).
 */
import type { Resolution } from "../../src/core/model.ts";
import { createRng, type Rng } from "../lib/prng.ts";
import { type Assembled, assemble, Draft } from "./draft.ts";
import { EDITS, type EditContext, type Tuning } from "./edits.ts";
import type { EditKind, GeneratedPair } from "./truth.ts";

/** How often each edit is drawn. Structural edits are frequent enough to be measured on their own. */
export const DEFAULT_MIX: readonly (readonly [EditKind, number])[] = [
	["insert", 11],
	["delete", 11],
	["reword", 13],
	["rewrite", 10],
	["move", 12],
	["merge", 9],
	["split", 9],
	["promote", 9],
	["lead", 10],
	["bump", 6],
];

export interface PairOptions {
	/** How many edits, drawn uniformly in [min, max]; 1-6 by default. */
	readonly edits?: readonly [number, number];
	readonly mix?: readonly (readonly [EditKind, number])[];
	/** Through the official text and the parser (default); off for texts over the parser's limits. */
	readonly reparse?: boolean;
	/** Names the base in the synthetic title: "37/39". */
	readonly baseName?: string;
	/** Harder edits for the sensitivity sweeps; off by default. */
	readonly tuning?: Tuning;
}

function syntheticHeader(old: Resolution, title: string) {
	return { symbol: null, number: null, session: old.session, title };
}

/**
 * Draws and applies `count` edits; an edit that finds nowhere to apply is
 * replaced by another draw, so a pair has fewer edits only when the text runs
 * out of untouched paragraphs.
 */
export function applyEdits(
	draft: Draft,
	ctx: EditContext,
	count: number,
	mix: readonly (readonly [EditKind, number])[],
): EditKind[] {
	const done: EditKind[] = [];
	for (let n = 0; n < count; n++) {
		for (let attempt = 0; attempt < 30; attempt++) {
			const kind = ctx.rng.weighted(mix);
			if (EDITS[kind](draft, ctx)) {
				done.push(kind);
				break;
			}
		}
	}
	return done;
}

function bumpOptions(rng: Rng) {
	const years = rng.int(1, 3);
	// The Council meets three times a year; years stay inside the ones routine detection knows.
	return { years, sessions: 3 * years, maxYear: 2099 };
}

/**
 * A pair made by 1-6 seeded edits of `base`.
 *
 * @example
 * const pair = generatePair(parseResolution(text), 7);
 * pair.truth.filter((c) => c.status === "merged") // the merges it made, by the new refs
 */
export function generatePair(
	base: Resolution,
	seed: number,
	options: PairOptions = {},
): GeneratedPair {
	const rng = createRng(seed);
	const [min, max] = options.edits ?? [1, 6];
	const draft = new Draft(base);
	const edits = applyEdits(
		draft,
		{ rng, bump: bumpOptions(rng), tuning: options.tuning },
		rng.int(min, max),
		options.mix ?? DEFAULT_MIX,
	);
	const name = options.baseName ?? base.number ?? "the base text";
	const title = `Synthetic variant of ${name}, seed ${seed}, ${edits.length} generated edits (not an official text)`;
	const made = assemble(draft, { header: syntheticHeader(base, title), reparse: options.reparse });
	return pairOf("edited", seed, base, made, edits);
}

/** The same text, written out and read back: every outcome must be unchanged. */
export function identityPair(base: Resolution, seed: number): GeneratedPair {
	const name = base.number ?? "the base text";
	const title = `Synthetic copy of ${name}, identity control ${seed} (not an official text)`;
	const made = assemble(new Draft(base), { header: syntheticHeader(base, title) });
	return pairOf("identity", seed, base, made, []);
}

/**
 * Only the operative numbers differ: a gap opens (or closes) somewhere in the
 * numbering. Every outcome is unchanged and nothing moved.
 */
export function renumberingPair(base: Resolution, seed: number): GeneratedPair {
	const rng = createRng(seed);
	const operatives = base.paragraphs.filter((p) => p.kind === "operative").length;
	const at = rng.int(0, Math.max(0, operatives - 1));
	const gap = rng.int(1, 4);
	const gapped = (k: number) => (k < at ? k + 1 : k + 1 + gap);
	const name = base.number ?? "the base text";
	const header = (what: string) =>
		syntheticHeader(
			base,
			`Synthetic renumbering of ${name}, ${what}, seed ${seed} (not an official text)`,
		);
	// Half the pairs open a gap, half close one (the old side is then the gapped synthetic copy).
	if (rng.chance(0.5)) {
		const made = assemble(new Draft(base), {
			header: header(`numbers from ${at + 1} shifted`),
			numbering: gapped,
		});
		return pairOf("renumbering", seed, base, made, []);
	}
	const old = assemble(new Draft(base), {
		header: header("with a gap"),
		numbering: gapped,
	}).resolution;
	const made = assemble(new Draft(old), { header: header("gap closed") });
	return pairOf("renumbering", seed, old, made, []);
}

function pairOf(
	kind: GeneratedPair["kind"],
	seed: number,
	old: Resolution,
	made: Assembled,
	edits: EditKind[],
): GeneratedPair {
	return { kind, seed, old, new: made.resolution, newText: made.text, edits, truth: made.truth };
}
