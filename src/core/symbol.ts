/**
 * Resolution symbols in the forms people type them: "37/39", "37-39",
 * "A/HRC/RES/37/39", "A-HRC-RES-37-39", and the corpus file name.
 */

export interface SymbolParts {
	/** "A/HRC/RES/37/39" */
	readonly symbol: string;
	/** "37/39" */
	readonly number: string;
	/** "37-39", safe in a URL path */
	readonly slug: string;
	/** "A-HRC-RES-37-39", the corpus file's base name */
	readonly fileBase: string;
	/** The session the number names (37), null for a special session. */
	readonly session: number | null;
}

const HRC_PREFIX = "A/HRC/RES/";

/**
 * Reads a symbol in any accepted form; null when it is not one.
 *
 * @example
 * parseSymbol("37-39")?.symbol // "A/HRC/RES/37/39"
 */
export function parseSymbol(input: string): SymbolParts | null {
	const s = input
		.trim()
		.toUpperCase()
		.replace(/\.TXT$/, "");
	const m = /^(?:A[/-]HRC[/-]RES[/-])?(S-)?(\d{1,3})[/-](\d{1,3})$/.exec(s);
	if (!m) return null;
	const special = m[1] ?? "";
	const number = `${special}${Number(m[2])}/${Number(m[3])}`;
	const symbol = `${HRC_PREFIX}${number}`;
	return {
		symbol,
		number,
		slug: number.replace("/", "-"),
		fileBase: symbol.replaceAll("/", "-"),
		session: special ? null : Number(m[2]),
	};
}

/**
 * Whether a symbol is a draft's: the L documents of the UN's symbol scheme
 * ("A/HRC/40/L.5", "A/HRC/40/L.5/Rev.1", "A/C.3/74/L.20").
 */
export function isDraftSymbol(symbol: string): boolean {
	return /\/L\.\d+/i.test(symbol);
}

/** A resolution filed under another symbol than the one its text prints (a draft, a user's own copy). */
export function withSymbol<
	T extends { symbol: string | null; number: string | null; session: number | null },
>(res: T, symbol: string): T {
	const parts = parseSymbol(symbol);
	return parts
		? { ...res, symbol: parts.symbol, number: parts.number, session: parts.session }
		: { ...res, symbol, number: null, session: null };
}
