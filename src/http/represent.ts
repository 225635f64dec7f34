/** A structured diff as the response the client asked for: JSON, HTML, Markdown or Word. */
import type { StructuredDiff } from "../core/diff/index.ts";
import {
	CONTENT_TYPES,
	contentDisposition,
	downloadName,
	REDLINE_CSS,
	renderDocx,
	renderHtml,
	renderMarkdown,
} from "../render/index.ts";
import type { DiffFormat } from "./negotiate.ts";

export interface RepresentOptions {
	/** Styles in attributes, for pasting into Word or an email. */
	readonly inlineStyles?: boolean;
	/** The revision date of a Word file: the comparison's date. */
	readonly date: string;
}

export type Represented = { body: string | ArrayBuffer; headers: Record<string, string> };

/** The body and headers for a diff in a format. */
export async function represent(
	diff: StructuredDiff,
	format: DiffFormat,
	options: RepresentOptions,
): Promise<Represented> {
	if (format === "json") {
		return {
			body: JSON.stringify(diff),
			headers: { "content-type": "application/json; charset=utf-8" },
		};
	}
	const name = downloadName(diff, format);
	if (format === "html") {
		const fragment = renderHtml(diff, { inlineStyles: options.inlineStyles === true });
		const body = options.inlineStyles ? fragment : `<style>${REDLINE_CSS}</style>\n${fragment}`;
		return {
			body,
			headers: {
				"content-type": CONTENT_TYPES.html,
				"content-disposition": contentDisposition(name).replace("attachment", "inline"),
			},
		};
	}
	if (format === "md") {
		return {
			body: renderMarkdown(diff),
			headers: {
				"content-type": CONTENT_TYPES.md,
				"content-disposition": contentDisposition(name),
			},
		};
	}
	const bytes = await renderDocx(diff, { date: options.date });
	// A copy in a plain ArrayBuffer: what every runtime's Response accepts.
	const body = bytes.slice().buffer as ArrayBuffer;
	return {
		body,
		headers: {
			"content-type": CONTENT_TYPES.docx,
			"content-disposition": contentDisposition(name),
		},
	};
}
