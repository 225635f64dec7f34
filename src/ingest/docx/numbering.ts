/**
 * Word's automatic numbering (numbering.xml): which number a numbered
 * paragraph shows. A paragraph names a list instance (`w:numId`) and a level
 * (`w:ilvl`), in its own properties or through its style; the instance points
 * at an abstract definition whose levels give the start, the format (decimal,
 * letters, roman) and the text around it (`%1.`, `(%2)`). Counters run per
 * abstract definition, deeper levels restart when a shallower one counts, and
 * an instance's start override restarts its level the first time it is used.
 */
import { attr, child, childElements, type Element, path } from "./xml.ts";

interface Level {
	readonly start: number;
	readonly format: string;
	readonly text: string;
	/** Legal numbering: every level shown as a decimal. */
	readonly legal: boolean;
}

interface ListInstance {
	readonly abstractId: string;
	readonly overrides: ReadonlyMap<number, number>;
}

interface StyleNumbering {
	readonly numId: string | null;
	readonly ilvl: number | null;
	readonly basedOn: string | null;
}

const MAX_LEVELS = 9;

function toRoman(n: number): string {
	const table: [number, string][] = [
		[1000, "m"],
		[900, "cm"],
		[500, "d"],
		[400, "cd"],
		[100, "c"],
		[90, "xc"],
		[50, "l"],
		[40, "xl"],
		[10, "x"],
		[9, "ix"],
		[5, "v"],
		[4, "iv"],
		[1, "i"],
	];
	let out = "";
	let rest = n;
	for (const [value, letters] of table) {
		while (rest >= value) {
			out += letters;
			rest -= value;
		}
	}
	return out;
}

/** Word's letters: a..z, then aa..zz, aaa... */
function toLetters(n: number): string {
	const letter = String.fromCharCode(97 + ((n - 1) % 26));
	return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinalSuffix(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return "th";
	return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

/** One counter in a level's format. */
export function formatNumber(n: number, format: string): string {
	switch (format) {
		case "lowerLetter":
			return toLetters(n);
		case "upperLetter":
			return toLetters(n).toUpperCase();
		case "lowerRoman":
			return toRoman(n);
		case "upperRoman":
			return toRoman(n).toUpperCase();
		case "decimalZero":
			return String(n).padStart(2, "0");
		case "ordinal":
			return `${n}${ordinalSuffix(n)}`;
		case "none":
			return "";
		default:
			return String(n);
	}
}

function readLevels(abstract: Element): Map<number, Level> {
	const levels = new Map<number, Level>();
	for (const lvl of childElements(abstract, "lvl")) {
		const ilvl = Number(attr(lvl, "ilvl") ?? 0);
		levels.set(ilvl, {
			start: Number(attr(child(lvl, "start"), "val") ?? 1),
			format: attr(child(lvl, "numFmt"), "val") ?? "decimal",
			text: attr(child(lvl, "lvlText"), "val") ?? "",
			legal: child(lvl, "isLgl") !== undefined,
		});
	}
	return levels;
}

/** The numbers Word would print, computed paragraph by paragraph in document order. */
export class Numbering {
	private readonly abstracts = new Map<string, Map<number, Level>>();
	private readonly instances = new Map<string, ListInstance>();
	private readonly styles = new Map<string, StyleNumbering>();
	private readonly counters = new Map<string, (number | undefined)[]>();
	private readonly started = new Set<string>();

	constructor(numbering: Element | null, styles: Element | null) {
		if (numbering) {
			for (const a of childElements(numbering, "abstractNum")) {
				this.abstracts.set(attr(a, "abstractNumId") ?? "", readLevels(a));
			}
			for (const num of childElements(numbering, "num")) {
				const overrides = new Map<number, number>();
				for (const o of childElements(num, "lvlOverride")) {
					const start = attr(child(o, "startOverride"), "val");
					if (start !== null) overrides.set(Number(attr(o, "ilvl") ?? 0), Number(start));
				}
				this.instances.set(attr(num, "numId") ?? "", {
					abstractId: attr(child(num, "abstractNumId"), "val") ?? "",
					overrides,
				});
			}
		}
		if (styles) {
			for (const s of childElements(styles, "style")) {
				const numPr = path(s, "pPr", "numPr");
				const ilvl = attr(path(numPr, "ilvl"), "val");
				this.styles.set(attr(s, "styleId") ?? "", {
					numId: attr(path(numPr, "numId"), "val"),
					ilvl: ilvl !== null ? Number(ilvl) : null,
					basedOn: attr(child(s, "basedOn"), "val"),
				});
			}
		}
	}

	/** The list instance and level a paragraph is in, from its own properties or its style chain. */
	private listOf(pPr: Element | undefined): { numId: string; ilvl: number } | null {
		const numPr = path(pPr, "numPr");
		let numId = attr(path(numPr, "numId"), "val");
		const ownLevel = attr(path(numPr, "ilvl"), "val");
		let ilvl: number | null = ownLevel !== null && /^\d+$/.test(ownLevel) ? Number(ownLevel) : null;
		let style = attr(path(pPr, "pStyle"), "val");
		// A style may inherit its numbering; the chain is short, but guard against cycles.
		for (let depth = 0; style && depth < 10 && (numId === null || ilvl === null); depth++) {
			const s = this.styles.get(style);
			if (!s) break;
			numId ??= s.numId;
			ilvl ??= s.ilvl;
			style = s.basedOn;
		}
		if (numId === null || numId === "0") return null;
		return { numId, ilvl: Math.min(Math.max(ilvl ?? 0, 0), MAX_LEVELS - 1) };
	}

	/**
	 * The label a paragraph shows ("1.", "(a)"), counting it; null when it is
	 * not numbered or its list shows a bullet.
	 */
	next(pPr: Element | undefined): string | null {
		const list = this.listOf(pPr);
		if (!list) return null;
		const instance = this.instances.get(list.numId);
		const levels = instance ? this.abstracts.get(instance.abstractId) : undefined;
		if (!instance || !levels) return null;
		const counters = this.counters.get(instance.abstractId) ?? [];
		this.counters.set(instance.abstractId, counters);
		// An instance's start override restarts its level the first time the instance is used.
		if (!this.started.has(list.numId)) {
			this.started.add(list.numId);
			for (const ilvl of instance.overrides.keys()) counters[ilvl] = undefined;
		}
		const levelOf = (i: number) => levels.get(i) ?? defaultLevel(i);
		const startOf = (i: number) => instance.overrides.get(i) ?? levelOf(i).start;
		const level = levelOf(list.ilvl);
		const current = counters[list.ilvl];
		counters[list.ilvl] = current === undefined ? startOf(list.ilvl) : current + 1;
		for (let deeper = list.ilvl + 1; deeper < MAX_LEVELS; deeper++) counters[deeper] = undefined;
		if (level.format === "bullet") return null;
		return level.text.replace(/%([1-9])/g, (_all, d: string) => {
			const i = Number(d) - 1;
			const n = counters[i] ?? startOf(i);
			return formatNumber(n, level.legal ? "decimal" : levelOf(i).format);
		});
	}
}

function defaultLevel(ilvl: number): Level {
	return { start: 1, format: "decimal", text: `%${ilvl + 1}.`, legal: false };
}
