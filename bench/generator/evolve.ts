/**
 * A synthetic series: a resolution evolved one "year" at a time by a handful
 * of seeded edits plus the yearly routine bump (session ordinals, years,
 * dates, document numbers). For the storage benchmark, which needs a long
 * series (1,000 members) that no real corpus has. Every member says it is
 * synthetic: its symbol starts with SYNTHETIC and its title says so.
 */
import type { Resolution } from "../../src/core/model.ts";
import { createRng, subSeed } from "../lib/prng.ts";
import { assemble, Draft } from "./draft.ts";
import { bumpAll } from "./edits.ts";
import { applyEdits } from "./pairs.ts";
import type { EditKind, ExpectedChange } from "./truth.ts";

/** Year-on-year edits: mostly wording; inserts and deletes are reweighted each year to hold the size. */
export const YEARLY_MIX: readonly (readonly [EditKind, number])[] = [
	["insert", 12],
	["delete", 12],
	["reword", 20],
	["rewrite", 10],
	["move", 8],
	["merge", 3],
	["split", 4],
	["promote", 3],
	["lead", 8],
];

export interface Year {
	/** Years since the base (the base itself is year 0). */
	readonly year: number;
	readonly resolution: Resolution;
	readonly text: string;
	readonly edits: readonly EditKind[];
	/** Against the previous member. */
	readonly truth: readonly ExpectedChange[];
}

/** The symbol of a synthetic member: never a real document's. */
export function syntheticSymbol(baseName: string, year: number): string {
	return `SYNTHETIC/${baseName.replace("/", "-")}/Y${String(year).padStart(4, "0")}`;
}

function nextDate(iso: string | null): string | null {
	if (!iso) return null;
	const [y, m, d] = iso.split("-");
	// Day 29 February does not come back every year; the 28th always does.
	const day = m === "02" && d === "29" ? "28" : d;
	return `${Number(y) + 1}-${m}-${day}`;
}

/**
 * The next year's text: 2-5 edits drawn from YEARLY_MIX, then every untouched
 * paragraph with a session ordinal, year, date or document number bumped by
 * one year (three sessions).
 *
 * @example
 * const next = evolveYear(base, { seed: 1, year: 1, baseName: "37/39" });
 * next.resolution.symbol // "SYNTHETIC/37-39/Y0001"
 */
export function evolveYear(
	previous: Resolution,
	options: {
		readonly seed: number;
		readonly year: number;
		readonly baseName: string;
		/** The paragraph count the series hovers around (the base's, in a series). */
		readonly targetSize?: number;
	},
): Year {
	const rng = createRng(options.seed);
	// More inserts when the text is short of its size, more deletes when over it.
	const ratio =
		(options.targetSize ?? previous.paragraphs.length) / Math.max(1, previous.paragraphs.length);
	const mix = YEARLY_MIX.map(([kind, w]): readonly [EditKind, number] =>
		kind === "insert" ? [kind, w * ratio] : kind === "delete" ? [kind, w / ratio] : [kind, w],
	);
	const adoptionYear = Number(previous.adoption.date?.slice(0, 4) ?? "2018");
	const bump = { years: 1, sessions: 3, maxYear: adoptionYear + 10 };
	const draft = new Draft(previous);
	const edits = applyEdits(draft, { rng, bump }, rng.int(2, 5), mix);
	edits.push(...bumpAll(draft, bump));
	const session = previous.session === null ? null : previous.session + 3;
	const made = assemble(draft, {
		header: {
			symbol: syntheticSymbol(options.baseName, options.year),
			number: null,
			session,
			title: `Synthetic variant of ${options.baseName}, year ${options.year} of a generated series (not an official text)`,
			adoption: { ...previous.adoption, date: nextDate(previous.adoption.date) },
		},
	});
	return {
		year: options.year,
		resolution: made.resolution,
		text: made.text,
		edits,
		truth: made.truth,
	};
}

/**
 * `count` members, oldest first: year 0 is the base relabelled as synthetic,
 * each later year evolves from the one before with a seed derived from `seed`.
 * A generator, so a long series need not sit in memory at once.
 */
export function* syntheticSeries(
	base: Resolution,
	count: number,
	seed: number,
	baseName = base.number ?? "base",
): Generator<Year> {
	if (count <= 0) return;
	const zero = assemble(new Draft(base), {
		header: {
			symbol: syntheticSymbol(baseName, 0),
			number: null,
			session: base.session,
			title: `Synthetic variant of ${baseName}, year 0 of a generated series (not an official text)`,
		},
	});
	let current: Year = {
		year: 0,
		resolution: zero.resolution,
		text: zero.text,
		edits: [],
		truth: zero.truth,
	};
	yield current;
	for (let year = 1; year < count; year++) {
		current = evolveYear(current.resolution, {
			seed: subSeed(seed, year),
			year,
			baseName,
			targetSize: base.paragraphs.length,
		});
		yield current;
	}
}
