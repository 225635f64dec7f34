/**
 * What a download of a rendered comparison is called and how it is labelled:
 * the file name (`resdiff-34-39-to-37-39.docx`), the content type of each
 * format, and a Content-Disposition value. The HTTP routes and the web pages'
 * download links share these, so a file is named the same wherever it comes from.
 */
import type { DiffSide, StructuredDiff } from "../core/diff/schema.ts";
import { parseSymbol } from "../core/symbol.ts";

export type RenderFormat = "html" | "md" | "docx";

export const RENDER_FORMATS: readonly RenderFormat[] = ["html", "md", "docx"];

export const CONTENT_TYPES: Readonly<Record<RenderFormat, string>> = {
	html: "text/html; charset=utf-8",
	md: "text/markdown; charset=utf-8",
	docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** Longest slug kept from a free-form name (a draft's title), so file names stay short. */
const MAX_SLUG = 40;

/**
 * A version's part of a file name: the short number of its symbol ("37-39"),
 * else its symbol, a draft's name or its title reduced to ASCII letters, digits and hyphens, else
 * the fallback ("old", "new").
 */
function sideSlug(side: DiffSide, fallback: string): string {
	const parsed = side.symbol ? parseSymbol(side.symbol) : null;
	if (parsed) return parsed.slug.toLowerCase();
	// A draft without a symbol of its own goes by its name ("draft"), not by the title it copied.
	const free = (side.symbol ?? side.name ?? side.title ?? "")
		.normalize("NFKD")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, MAX_SLUG)
		.replace(/-+$/, "");
	return free || fallback;
}

/**
 * The download file name of a comparison in a format.
 *
 * @example
 * downloadName(diff, "docx") // "resdiff-34-39-to-37-39.docx"
 */
export function downloadName(
	diff: Pick<StructuredDiff, "from" | "to">,
	format: RenderFormat,
): string {
	return `resdiff-${sideSlug(diff.from, "old")}-to-${sideSlug(diff.to, "new")}.${format}`;
}

/**
 * A Content-Disposition header value offering the file as a download. The
 * name is ASCII letters, digits, hyphens and dots by construction, so it
 * needs no quoting beyond the quotes.
 *
 * @example
 * contentDisposition("resdiff-34-39-to-37-39.docx") // 'attachment; filename="resdiff-34-39-to-37-39.docx"'
 */
export function contentDisposition(fileName: string): string {
	return `attachment; filename="${fileName.replace(/["\\\r\n]/g, "_")}"`;
}
