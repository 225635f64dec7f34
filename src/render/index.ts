/**
 * Renderers: the structured diff as an HTML fragment, Markdown, or a Word
 * document with tracked changes; pure functions with no I/O, for Node and
 * Cloudflare Workers alike.
 */
export { anchorId, extraAnchorIds, REMOVED_ANCHOR_PREFIX } from "./anchors.ts";
export { type DocxRenderOptions, REVISION_AUTHOR, renderDocx } from "./docx.ts";
export {
	CONTENT_TYPES,
	contentDisposition,
	downloadName,
	RENDER_FORMATS,
	type RenderFormat,
} from "./download.ts";
export { type HtmlRenderOptions, renderHtml } from "./html.ts";
export { escapeHtml } from "./html-escape.ts";
export { REDLINE_CSS } from "./html-styles.ts";
export {
	comparisonTitle,
	LEAD_SHIFT_LABELS,
	MOVED_LABEL,
	ROUTINE_LABEL,
	STATUS_LABELS,
	type StatusLabel,
} from "./labels.ts";
export { type MarkdownRenderOptions, renderMarkdown } from "./markdown.ts";
export {
	renderSourcesDocx,
	renderSourcesHtml,
	renderSourcesMarkdown,
	type SourcesDocument,
	sourcesDownloadName,
	sourcesTitle,
} from "./sources.ts";
