/** Plain-text tables for the benchmarks' output: columns padded, numbers right-aligned. */

export type Cell = string | number;

/** Three decimals for a ratio, as the targets are stated (0.98). */
export function ratio(x: number): string {
	return Number.isFinite(x) ? x.toFixed(3) : "-";
}

export function ms(x: number): string {
	if (!Number.isFinite(x)) return "-";
	if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
	if (x >= 10) return `${x.toFixed(1)} ms`;
	return `${x.toFixed(3)} ms`;
}

/**
 * `align` gives each column "l" or "r"; by default the first column (a label)
 * is left-aligned and the rest (figures) right-aligned.
 *
 * @example
 * formatTable(["category", "F1"], [["moved", "0.981"]])
 */
export function formatTable(
	headers: readonly string[],
	rows: readonly (readonly Cell[])[],
	align?: string,
): string {
	const widths = headers.map((h, c) =>
		Math.max(h.length, ...rows.map((r) => String(r[c] ?? "").length)),
	);
	const line = (cells: readonly Cell[]) =>
		cells
			.map((cell, c) => {
				const text = String(cell);
				const width = widths[c] ?? 0;
				const left = align ? align[c] === "l" : c === 0;
				return left ? text.padEnd(width) : text.padStart(width);
			})
			.join("  ")
			.trimEnd();
	const rule = widths.map((w) => "-".repeat(w)).join("  ");
	return [line(headers), rule, ...rows.map(line)].join("\n");
}
