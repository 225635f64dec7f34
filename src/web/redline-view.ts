/**
 * How a redline is shown on a page, as query parameters that work without
 * JavaScript: `layout=side-by-side`, `only=changes` (leave out unchanged
 * paragraphs that did not move), `kind=operative` or `kind=preambular`, and
 * `routine=hide` or `routine=show` (routine updates are otherwise collapsed).
 * Unknown values fall back to the defaults: a page is forgiving of a
 * hand-edited address.
 */
import type { StructuredDiff } from "../core/diff/index.ts";
import type { ParagraphKind } from "../core/model.ts";
import { type HtmlRenderOptions, renderHtml } from "../render/index.ts";

export interface RedlineView {
	readonly layout: "inline" | "side-by-side";
	readonly onlyChanges: boolean;
	readonly kind: ParagraphKind | null;
	readonly routine: "collapsed" | "omitted" | "expanded";
}

export const DEFAULT_VIEW: RedlineView = {
	layout: "inline",
	onlyChanges: false,
	kind: null,
	routine: "collapsed",
};

type Query = (name: string) => string | undefined;

export function parseView(query: Query): RedlineView {
	const kind = query("kind");
	const routine = query("routine");
	return {
		layout: query("layout") === "side-by-side" ? "side-by-side" : "inline",
		onlyChanges: query("only") === "changes",
		kind: kind === "operative" || kind === "preambular" ? kind : null,
		routine: routine === "hide" ? "omitted" : routine === "show" ? "expanded" : "collapsed",
	};
}

/** The query values of a view, defaults left out, for links that keep it. */
export function viewQuery(view: RedlineView): Record<string, string | undefined> {
	return {
		layout: view.layout === "side-by-side" ? "side-by-side" : undefined,
		only: view.onlyChanges ? "changes" : undefined,
		kind: view.kind ?? undefined,
		routine: view.routine === "omitted" ? "hide" : view.routine === "expanded" ? "show" : undefined,
	};
}

/** Whether a change's paragraphs are of the kind asked for (the new text's kind where it has one). */
function ofKind(change: StructuredDiff["changes"][number], kind: ParagraphKind | null): boolean {
	if (!kind) return true;
	return (change.to[0] ?? change.from[0])?.kind === kind;
}

export interface ShownRedline {
	readonly html: string;
	/** Paragraph blocks shown, and in the whole comparison. */
	readonly shown: number;
	readonly total: number;
}

/**
 * The redline of a diff under a view. The counts at its top are always the
 * whole comparison's; the filters choose which paragraphs follow them.
 */
export function renderView(
	diff: StructuredDiff,
	view: RedlineView,
	options: Pick<HtmlRenderOptions, "idPrefix" | "summary" | "reviewHref"> = {},
): ShownRedline {
	const changes = diff.changes.filter(
		(c) =>
			ofKind(c, view.kind) &&
			!(view.onlyChanges && c.status === "unchanged" && !c.moved) &&
			!(view.routine === "omitted" && c.routine),
	);
	const html = renderHtml(
		{ ...diff, changes },
		{ layout: view.layout, routine: view.routine, ...options },
	);
	return { html, shown: changes.length, total: diff.changes.length };
}

/**
 * What to say when the filters leave nothing to show: which filter found
 * nothing, so that "Showing 0 of 53" does not read as an error.
 *
 * @example
 * nothingShown({ ...DEFAULT_VIEW, onlyChanges: true, kind: "operative" })
 * // "No operative paragraph changed."
 */
export function nothingShown(view: RedlineView): string {
	const kind = view.kind ? `${view.kind} ` : "";
	const what = view.onlyChanges ? "changed" : "is in either text";
	const routine = view.routine === "omitted" ? " beyond routine updates" : "";
	return `No ${kind}paragraph ${what}${routine}.`;
}
