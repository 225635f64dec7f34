/**
 * The redline as an HTML fragment to embed in a page or paste into a report.
 *
 * Each paragraph is a block with a stable id (see anchors.ts), a label (its
 * ref, status in words and symbol, where it came from, moved, lead-phrase
 * shift, routine, footnotes) and its text with `<ins>`/`<del>` for the
 * redline. Screen readers do not announce `<ins>`/`<del>` by default, so each
 * carries visually hidden words saying where it starts and ends. Routine
 * rewordings sit in a `<details>` that can be opened. Every text and
 * attribute value is escaped.
 */
import type { Change, Segment, StructuredDiff } from "../core/diff/schema.ts";
import { anchorId, extraAnchorIds } from "./anchors.ts";
import { escapeHtml } from "./html-escape.ts";
import { inlineStyle, type RedlineClass } from "./html-styles.ts";
import {
	certaintyHints,
	EARLIER,
	FOOTNOTES_LABEL,
	footnoteLines,
	formatDate,
	LATER,
	LEAD_SHIFT_LABELS,
	leadCallout,
	MOVED_LABEL,
	provenance,
	ROUTINE_LABEL,
	STATUS_LABELS,
	type StatusLabel,
	shownRefs,
	sideName,
	sideShortName,
	summaryItems,
} from "./labels.ts";

export interface HtmlRenderOptions {
	/**
	 * Put the styles in `style` attributes, so the fragment keeps its look when
	 * pasted into Word or an email. Default false: class names only, styled by
	 * `REDLINE_CSS`.
	 */
	readonly inlineStyles?: boolean;
	/** Leave out paragraphs that are unchanged and did not move. Default false. */
	readonly omitUnchanged?: boolean;
	/**
	 * Routine rewordings (only session numbers, years, dates or document
	 * symbols changed): `collapsed` in a `<details>`, `expanded`, or `omitted`.
	 * Default `collapsed`, or `expanded` with `inlineStyles`, since Word and
	 * mail clients cannot open a `<details>`.
	 */
	readonly routine?: "collapsed" | "expanded" | "omitted";
	/** `inline` (default): one redline per paragraph; `side-by-side`: the old and the new text in two columns. */
	readonly layout?: "inline" | "side-by-side";
	/** The summary of counts at the top. Default true. */
	readonly summary?: boolean;
	/** Put before every id, for a page that shows two renderings of one diff. Default "". */
	readonly idPrefix?: string;
	/**
	 * Visually hidden words ("insertion start", "deletion end") around each
	 * `<ins>`/`<del>` for screen readers. Default true, or false with
	 * `inlineStyles`: Word and mail clients cannot hide them and would print
	 * them in the text.
	 */
	readonly announceEdits?: boolean;
	/**
	 * Where a reviewer can correct a change's pairing; when given, changes the
	 * engine is unsure of (low confidence, or new or removed with candidates)
	 * get a "review" link to it. Pages only.
	 */
	readonly reviewHref?: (change: Change) => string;
}

interface Context {
	readonly inline: boolean;
	readonly announce: boolean;
	readonly idPrefix: string;
	readonly layout: "inline" | "side-by-side";
	readonly routine: "collapsed" | "expanded" | "omitted";
	readonly oldName: string;
	readonly newName: string;
	readonly reviewHref: ((change: Change) => string) | undefined;
}

/** ` class="…" style="…" id="…"`: classes from the stylesheet, plain classes, then other attributes. */
function attrs(
	ctx: Context,
	styled: readonly RedlineClass[],
	plain: readonly string[] = [],
	extra: Readonly<Record<string, string | undefined>> = {},
): string {
	let out = ` class="${escapeHtml([...styled, ...plain].join(" "))}"`;
	if (ctx.inline && styled.length > 0) out += ` style="${escapeHtml(inlineStyle(styled))}"`;
	for (const [name, value] of Object.entries(extra)) {
		if (value !== undefined) out += ` ${name}="${escapeHtml(value)}"`;
	}
	return out;
}

/** Text with its newlines (sub-paragraphs, merged paragraphs) as line breaks. */
function textHtml(text: string): string {
	return text.split("\n").map(escapeHtml).join("<br>");
}

function srText(ctx: Context, text: string): string {
	return ctx.announce ? `<span${attrs(ctx, ["rd-sr"])}>${escapeHtml(text)}</span>` : "";
}

function segmentHtml(ctx: Context, s: Segment): string {
	if (s.op === "equal") return textHtml(s.text);
	const [tag, cls, name] =
		s.op === "insert"
			? (["ins", "rd-ins", "insertion"] as const)
			: (["del", "rd-del", "deletion"] as const);
	return `<${tag}${attrs(ctx, [cls])}>${srText(ctx, `[${name} start] `)}${textHtml(s.text)}${srText(ctx, ` [${name} end]`)}</${tag}>`;
}

function redlineHtml(ctx: Context, segments: readonly Segment[]): string {
	return `<p${attrs(ctx, ["rd-text"])}>${segments.map((s) => segmentHtml(ctx, s)).join("")}</p>`;
}

function badge(ctx: Context, kind: RedlineClass, label: StatusLabel, content?: string): string {
	const symbol = `<span aria-hidden="true">${escapeHtml(label.symbol)} </span>`;
	return `<span${attrs(ctx, ["rd-badge", kind])}>${symbol}${content ?? escapeHtml(label.word)}</span>`;
}

function labelHtml(ctx: Context, change: Change): string {
	const refs = shownRefs(change);
	const extra = new Set(extraAnchorIds(change));
	const refHtml = refs
		.map((p) => {
			const id = extra.has(p.ref) ? `${ctx.idPrefix}${p.ref}` : undefined;
			return `<span${attrs(ctx, ["rd-ref"], [], { id })}>${escapeHtml(p.ref)}</span>`;
		})
		.join(" + ");
	const parts = [refHtml];
	const was = provenance(change);
	if (was) parts.push(`<span${attrs(ctx, ["rd-was"])}>(${escapeHtml(was)})</span>`);
	parts.push(badge(ctx, `rd-badge-${change.status}`, STATUS_LABELS[change.status]));
	if (change.moved) parts.push(badge(ctx, "rd-badge-moved", MOVED_LABEL));
	const lead = leadCallout(change);
	if (lead) {
		const label = LEAD_SHIFT_LABELS[lead.shift];
		const phrase = (p: string) => `<span${attrs(ctx, ["rd-lead-phrase"])}>${escapeHtml(p)}</span>`;
		parts.push(
			badge(
				ctx,
				"rd-badge-lead",
				label,
				`${escapeHtml(label.word)}: ${phrase(lead.from)} → ${phrase(lead.to)}`,
			),
		);
	}
	if (change.routine) parts.push(badge(ctx, "rd-badge-routine", ROUTINE_LABEL));
	if (change.footnotes) parts.push(badge(ctx, "rd-badge-notes", FOOTNOTES_LABEL));
	for (const hint of certaintyHints(change, ctx.oldName, ctx.newName))
		parts.push(`<span${attrs(ctx, ["rd-hint"])}>(${escapeHtml(hint)})</span>`);
	const unsure = change.confidence === "low" || change.candidates.length > 0;
	if (ctx.reviewHref && unsure && change.decidedBy === "engine")
		parts.push(
			`<a${attrs(ctx, ["rd-hint"], ["rd-review"], { href: ctx.reviewHref(change) })}>review</a>`,
		);
	return parts.join(" ");
}

function footnotesHtml(ctx: Context, change: Change): string {
	const lines = footnoteLines(change, ctx.oldName, ctx.newName);
	if (!lines) return "";
	return `<p${attrs(ctx, ["rd-notes"])}>${lines.map(escapeHtml).join("<br>")}</p>`;
}

function sideHtml(ctx: Context, change: Change, side: "old" | "new"): string {
	const pointers = side === "old" ? change.from : change.to;
	const name = side === "old" ? ctx.oldName : ctx.newName;
	const refs = pointers.map((p) => p.ref).join(" + ");
	const label = `<p${attrs(ctx, ["rd-side-label"])}>${escapeHtml(refs ? `${name}, ${refs}` : name)}</p>`;
	const body =
		pointers.length === 0
			? `<p${attrs(ctx, ["rd-absent"])}>${escapeHtml(`Not in ${name}`)}</p>`
			: redlineHtml(
					ctx,
					change.segments.filter((s) => s.op !== (side === "old" ? "insert" : "delete")),
				);
	return `<div${attrs(ctx, ["rd-side"], [`rd-${side}`])}>${label}${body}</div>`;
}

function bodyHtml(ctx: Context, change: Change): string {
	const text =
		ctx.layout === "side-by-side"
			? `<div${attrs(ctx, ["rd-sbs"])}>${sideHtml(ctx, change, "old")}${sideHtml(ctx, change, "new")}</div>`
			: redlineHtml(ctx, change.segments);
	return text + footnotesHtml(ctx, change);
}

function changeHtml(ctx: Context, change: Change): string {
	const styled: RedlineClass[] = ["rd-para", `rd-status-${change.status}`];
	const kind = shownRefs(change)[0]?.kind;
	const data = {
		id: `${ctx.idPrefix}${anchorId(change)}`,
		"data-status": change.status,
		"data-kind": kind,
		"data-moved": String(change.moved),
		"data-routine": String(change.routine),
		"data-lead-shift": change.lead?.shift,
		"data-confidence": change.confidence ?? undefined,
		"data-decided-by": change.decidedBy,
	};
	const plain = [
		...(change.moved ? ["rd-moved"] : []),
		...(change.routine ? ["rd-routine"] : []),
		...(kind ? [`rd-${kind}`] : []),
	];
	const label = labelHtml(ctx, change);
	if (change.routine && ctx.routine === "collapsed") {
		return `<details${attrs(ctx, styled, plain, data)}><summary${attrs(ctx, ["rd-label"])}>${label}</summary>${bodyHtml(ctx, change)}</details>`;
	}
	return `<div${attrs(ctx, styled, plain, data)}><p${attrs(ctx, ["rd-label"])}>${label}</p>${bodyHtml(ctx, change)}</div>`;
}

function summaryHtml(ctx: Context, diff: StructuredDiff): string {
	const side = (s: StructuredDiff["from"], fallback: string) => {
		const date = s.date ? ` (${escapeHtml(formatDate(s.date))})` : "";
		return `<b>${escapeHtml(sideName(s, fallback))}</b>${date}`;
	};
	const compared = `<p${attrs(ctx, ["rd-compared"])}>Changes from ${side(diff.from, EARLIER)} to ${side(diff.to, LATER)}</p>`;
	const counts = summaryItems(diff.summary)
		.map(
			(item) =>
				`<li${attrs(ctx, ["rd-count"])}><span aria-hidden="true">${escapeHtml(item.label.symbol)} </span>${escapeHtml(item.label.word)}: <b>${item.count}</b></li>`,
		)
		.join("");
	// The key uses spans, not <ins>/<del>, so that counting those counts the redline only.
	const key = `<p${attrs(ctx, ["rd-key"])}>Key: <span${attrs(ctx, ["rd-ins"])}>inserted text</span> (underlined), <span${attrs(ctx, ["rd-del"])}>deleted text</span> (struck through).</p>`;
	return `<div${attrs(ctx, ["rd-summary"])}>${compared}<ul${attrs(ctx, ["rd-counts"])}>${counts}</ul>${key}</div>`;
}

/** Whether a change is shown under the options. */
function shown(change: Change, options: HtmlRenderOptions, ctx: Context): boolean {
	if (options.omitUnchanged && change.status === "unchanged" && !change.moved) return false;
	if (change.routine && ctx.routine === "omitted") return false;
	return true;
}

/**
 * Renders a structured diff as an HTML fragment.
 *
 * @example
 * const html = renderHtml(compare(old, next), { omitUnchanged: true });
 * // <div class="rd-redline …"> … <div class="rd-para rd-status-reworded" id="OP5" …> … </div>
 * // Style it with REDLINE_CSS, or pass { inlineStyles: true } for a fragment to paste.
 */
export function renderHtml(diff: StructuredDiff, options: HtmlRenderOptions = {}): string {
	const inline = options.inlineStyles ?? false;
	const ctx: Context = {
		inline,
		announce: options.announceEdits ?? !inline,
		idPrefix: options.idPrefix ?? "",
		layout: options.layout ?? "inline",
		routine: options.routine ?? (inline ? "expanded" : "collapsed"),
		oldName: sideShortName(diff.from, EARLIER),
		newName: sideShortName(diff.to, LATER),
		reviewHref: options.reviewHref,
	};
	const head = (options.summary ?? true) ? summaryHtml(ctx, diff) : "";
	const blocks = diff.changes
		.filter((c) => shown(c, options, ctx))
		.map((c) => changeHtml(ctx, c))
		.join("\n");
	const root = attrs(ctx, ["rd-redline"], [`rd-layout-${ctx.layout}`], {
		"data-from": diff.from.symbol ?? undefined,
		"data-to": diff.to.symbol ?? undefined,
	});
	return `<div${root}>\n${head}\n${blocks}\n</div>\n`;
}
