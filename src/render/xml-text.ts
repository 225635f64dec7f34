/**
 * Text that XML 1.0 can carry. A resolution's text may hold characters XML
 * forbids (U+FFFE, U+FFFF, C0 controls other than tab and line ends, lone
 * surrogates): one of them makes a Word part ill-formed and the whole file
 * unreadable, so they are dropped before anything is written.
 */

// The complement of XML 1.0's Char production (tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, astral pairs).
const NOT_XML_CHAR =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without the characters XML 1.0 forbids.
 *
 * @example
 * xmlSafe("a\uFFFEb") // "ab"
 */
export function xmlSafe(text: string): string {
	return text.replace(NOT_XML_CHAR, "");
}

/** The same value with every string in it made XML-safe (plain data: objects, arrays, strings). */
export function xmlSafeDeep<T>(value: T): T {
	if (typeof value === "string") return xmlSafe(value) as T;
	if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
	if (value && typeof value === "object") {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
		return out as T;
	}
	return value;
}
