/**
 * The yearly bumps that make a rewording routine: session ordinals
 * ("fortieth session" -> "forty-third session"), years, dates
 * ("23 March 2018" -> "22 March 2021") and document numbers
 * ("A/HRC/37/78" -> "A/HRC/40/78", "S/2017/1105" -> "S/2020/1105").
 * Resolution numbers ("20/17") are left alone: they name past resolutions.
 */
import { MONTHS } from "../../src/core/calendar.ts";
import { ordinalWords } from "../../src/core/ordinals.ts";

let ordinalTable: Map<string, number> | null = null;

/** The number an ordinal in words stands for, or null. */
export function readOrdinal(words: string): number | null {
	if (!ordinalTable) {
		ordinalTable = new Map();
		for (let n = 1; n < 10_000; n++) ordinalTable.set(ordinalWords(n), n);
	}
	return ordinalTable.get(words.toLowerCase()) ?? null;
}

/**
 * Whether a word is part of what the yearly bump changes (an ordinal such as
 * "fortieth", a month name): a rewording must leave such words alone, or it
 * could pass for a routine change.
 */
export function isRoutineWord(word: string): boolean {
	const w = word.toLowerCase();
	return readOrdinal(w) !== null || MONTHS.some((m) => m.toLowerCase() === w);
}

export interface BumpOptions {
	/** Years added to years and dates. */
	readonly years: number;
	/** Sessions added to session ordinals and to the session part of document numbers. */
	readonly sessions: number;
	/** Years above this are left alone (and so are years that would pass it): they are not years. */
	readonly maxYear: number;
}

/** "fortieth session": up to six words of ordinal before "session". */
function bumpSessions(text: string, sessions: number): string {
	return text.replace(/((?:[a-z-]+ ){1,6})session\b/g, (whole, before: string) => {
		const words = before.trim().split(" ");
		for (let k = Math.min(words.length, 6); k >= 1; k--) {
			const n = readOrdinal(words.slice(-k).join(" "));
			if (n !== null && n + sessions < 10_000) {
				return `${[...words.slice(0, -k), ordinalWords(n + sessions)].join(" ")} session`;
			}
		}
		return whole;
	});
}

const DATE_OR_SYMBOL_OR_YEAR = new RegExp(
	[
		// A date; a preceding "15 and" / "15 to" makes it the end of a range, whose day stays.
		`(\\d{1,2} and |\\d{1,2} to |\\d{1,2}-)?\\b(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})\\b`,
		// A document symbol: letters, then a session or a year, then more parts.
		"\\b((?:[A-Z]+/)+)(\\d{1,4})((?:/[A-Z0-9.]*[A-Z0-9])+)",
		// A year on its own.
		"\\b(\\d{4})\\b",
	].join("|"),
	"g",
);

/**
 * Applies the yearly bumps to a text; the same text when there is nothing to bump.
 *
 * @example
 * bumpRoutine("report at its fortieth session, A/HRC/37/78, 23 March 2018", { years: 3, sessions: 3, maxYear: 2099 })
 * // "report at its forty-third session, A/HRC/40/78, 22 March 2021"
 */
export function bumpRoutine(text: string, options: BumpOptions): string {
	const { years, sessions, maxYear } = options;
	const isYear = (y: number) => y >= 1900 && y + years <= maxYear;
	const bumped = text.replace(
		DATE_OR_SYMBOL_OR_YEAR,
		(
			whole: string,
			range: string | undefined,
			day: string | undefined,
			month: string | undefined,
			dateYear: string | undefined,
			prefix: string | undefined,
			first: string | undefined,
			suffix: string | undefined,
			year: string | undefined,
			offset: number,
			all: string,
		) => {
			if (dateYear !== undefined && day !== undefined) {
				const y = Number(dateYear);
				if (!isYear(y)) return whole;
				const d = Number(day);
				// The day moves too, as adoption dates do; not the end of a range ("15 and 16 January").
				const newDay = range ? d : d > 1 ? d - 1 : d + 1;
				return `${range ?? ""}${newDay} ${month} ${y + years}`;
			}
			if (prefix !== undefined && first !== undefined) {
				const n = Number(first);
				const bumpedFirst = first.length === 4 ? (isYear(n) ? n + years : n) : n + sessions;
				return `${prefix}${bumpedFirst}${suffix ?? ""}`;
			}
			if (year !== undefined) {
				const y = Number(year);
				// "resolution 2374" is a number, not a year.
				if (!isYear(y) || /resolution $/.test(all.slice(Math.max(0, offset - 11), offset))) {
					return whole;
				}
				return String(y + years);
			}
			return whole;
		},
	);
	return bumpSessions(bumped, sessions);
}

/** Whether a text has anything the yearly bumps would change. */
export function hasRoutine(text: string, options: BumpOptions): boolean {
	return bumpRoutine(text, options) !== text;
}
