/**
 * `/diff/{from}/{to}`: the redline between two stored members, inline or
 * side by side, with filters as query parameters (see redline-view.ts), the
 * way to the neighbouring years, and downloads of the Word and Markdown
 * versions from the API. Every paragraph block carries its new ref as id, so
 * `/diff/34-39/37-39#OP5` lands on operative paragraph 5.
 *
 * `/diff?from=&to=` is the form that picks the two members; it sends the
 * reader on to the page above.
 */

import type { Context } from "hono";
import type { Change, StructuredDiff } from "../../core/diff/index.ts";
import { InvalidInputError } from "../../core/errors.ts";
import { checkAdminToken } from "../../http/admin.ts";
import type { AppEnv } from "../../http/types.ts";
import { sideDescription } from "../../render/labels.ts";
import { normaliseRef } from "../../services/history.ts";
import { getDiff, normaliseSymbol } from "../../services/resolutions.ts";
import { type Decision, decide, decisionsOn, withdraw } from "../../services/review.ts";
import { MemberSelect } from "../components/member-select.tsx";
import { Redline } from "../components/redline.tsx";
import { type ReviewPrefill, ReviewSection } from "../components/review-form.tsx";
import { ViewControls } from "../components/view-controls.tsx";
import { readForm } from "../form.ts";
import { Layout } from "../layout.tsx";
import {
	apiDiffHref,
	diffHref,
	memberKey,
	queryString,
	resolutionHref,
	shortName,
} from "../paths.ts";
import {
	DEFAULT_VIEW,
	nothingShown,
	parseView,
	type RedlineView,
	renderView,
	viewQuery,
} from "../redline-view.ts";
import { sendPage } from "../respond.ts";
import { chooseSeries, type SeriesView } from "../series-choice.ts";

interface Neighbours {
	readonly previous: readonly [string, string] | null;
	readonly next: readonly [string, string] | null;
}

/** For two consecutive stored members of one series, the pairs before and after. */
function neighbours(series: readonly SeriesView[], from: string, to: string): Neighbours {
	for (const s of series) {
		const stored = s.members.filter((m) => m.present).map((m) => m.symbol);
		const i = stored.indexOf(from);
		if (i < 0 || stored[i + 1] !== to) continue;
		const before = stored[i - 1];
		const after = stored[i + 2];
		return {
			previous: before ? [before, from] : null,
			next: after ? [to, after] : null,
		};
	}
	return { previous: null, next: null };
}

function Shown(props: { shown: number; total: number; view: RedlineView; all: string }) {
	return (
		<p id="shown" class="shown" data-swap aria-live="polite">
			Showing {props.shown} of {props.total} paragraphs.
			{props.shown === 0 && props.total > 0 && (
				<>
					{" "}
					<b>{nothingShown(props.view)}</b> <a href={props.all}>Show all {props.total}</a>.
				</>
			)}
		</p>
	);
}

/** The review form's address for a change the engine is unsure of, filled in with its likeliest pairing. */
function reviewLink(from: string, to: string, keep: Record<string, string | undefined>) {
	return (change: Change) => {
		const refs = (ps: readonly { ref: string }[]) => ps.map((p) => p.ref).join(" ");
		const lone = change.from.length === 0 || change.to.length === 0;
		// A lone paragraph is offered its first candidate; a doubtful pair is offered for unpairing.
		const candidate = change.candidates[0]?.ref ?? "";
		const old = change.from.length > 0 ? refs(change.from) : candidate;
		const next = change.to.length > 0 ? refs(change.to) : candidate;
		return diffHref(
			from,
			to,
			{ ...keep, review: lone ? "pair" : "unpair", old, new: next },
			"review",
		);
	};
}

export function DiffPage(props: {
	diff: StructuredDiff;
	view: RedlineView;
	series: readonly SeriesView[];
	decisions: readonly Decision[];
	prefill: ReviewPrefill | null;
}) {
	const { diff, view } = props;
	const from = diff.from.symbol ?? "";
	const to = diff.to.symbol ?? "";
	const keepView = viewQuery(view);
	const { html, shown, total } = renderView(diff, view, {
		reviewHref: reviewLink(from, to, keepView),
	});
	const near = neighbours(props.series, from, to);
	const keep = viewQuery(view);
	const title = `Changes from ${shortName(from)} to ${shortName(to)}`;
	return (
		<Layout title={title} section="series">
			<h1>{title}</h1>
			<p class="lede">
				Earlier: {sideDescription(diff.from, "the earlier text")} (
				<a href={resolutionHref(from)}>read it</a>).
				<br />
				Later: {sideDescription(diff.to, "the later text")} (
				<a href={resolutionHref(to)}>read it</a>
				).
			</p>
			<ul class="pair-nav" aria-label="Other comparisons">
				{near.previous && (
					<li>
						<a href={diffHref(near.previous[0], near.previous[1], keep)}>
							← {shortName(near.previous[0])} to {shortName(near.previous[1])}
						</a>
					</li>
				)}
				<li>
					<a href={diffHref(to, from, keep)}>
						Reverse: {shortName(to)} to {shortName(from)}
					</a>
				</li>
				{near.next && (
					<li>
						<a href={diffHref(near.next[0], near.next[1], keep)}>
							{shortName(near.next[0])} to {shortName(near.next[1])} →
						</a>
					</li>
				)}
				<li>
					<a href={`/diff${queryString({ earlier: memberKey(from), later: memberKey(to) })}`}>
						Choose other members
					</a>
				</li>
			</ul>
			<p class="downloads">
				Download: <a href={apiDiffHref(from, to, "docx")}>Word with tracked changes (.docx)</a> ·{" "}
				<a href={apiDiffHref(from, to, "md")}>Markdown (.md)</a> ·{" "}
				<a href={apiDiffHref(from, to, "html", true)}>HTML to paste into a report</a>
			</p>
			<form
				class="controls"
				method="get"
				action={diffHref(from, to)}
				data-enhance="filters"
				aria-label="Layout and filters"
			>
				<ViewControls view={view} />
				<button type="submit">Apply</button>
			</form>
			<Shown
				shown={shown}
				total={total}
				view={view}
				all={diffHref(from, to, viewQuery({ ...DEFAULT_VIEW, layout: view.layout }))}
			/>
			<Redline id="redline" html={html} sideBySide={view.layout === "side-by-side"} swap />
			<ReviewSection
				from={from}
				to={to}
				action={reviewAction(from, to)}
				decisions={props.decisions}
				prefill={props.prefill}
			/>
		</Layout>
	);
}

/** Where the review form posts. */
function reviewAction(from: string, to: string): string {
	return `${diffHref(from, to)}/decisions`;
}

/** What the review form starts with: `?review=pair&old=OP25&new=OP30`, as the "review" links give. */
function prefillOf(query: (name: string) => string | undefined): ReviewPrefill | null {
	const action = query("review");
	if (action !== "pair" && action !== "unpair") return null;
	return { action, old: query("old")?.slice(0, 100) ?? "", new: query("new")?.slice(0, 100) ?? "" };
}

export async function diffHandler(c: Context<AppEnv>) {
	const ctx = c.get("services");
	const fromInput = c.req.param("from") ?? "";
	const toInput = c.req.param("to") ?? "";
	const { diff } = await getDiff(ctx, fromInput, toInput, { signal: c.get("stop")() });
	const decisions = await decisionsOn(ctx, fromInput, toInput);
	const { all } = await chooseSeries(ctx, undefined);
	const query = (name: string) => c.req.query(name);
	const view = parseView(query);
	return sendPage(
		c,
		<DiffPage
			diff={diff}
			view={view}
			series={all}
			decisions={decisions}
			prefill={prefillOf(query)}
		/>,
	);
}

/** Splits "OP3 OP5" or "OP3, OP5" into refs, as people type them. */
function refsTyped(text: string | undefined): string[] {
	return (text ?? "")
		.split(/[\s,+;]+/)
		.map((r) => normaliseRef(r))
		.filter((r) => r !== "");
}

/**
 * `POST /diff/{from}/{to}/decisions`: the review form. Checks the admin
 * token (as the API does), records or withdraws the decision, and goes back
 * to the page; a refusal is a page that says why.
 */
export async function reviewHandler(c: Context<AppEnv>) {
	const form = await readForm(c);
	const field = (name: string) =>
		typeof form[name] === "string" ? (form[name] as string) : undefined;
	await checkAdminToken(c.get("deps").adminToken, field("token") ?? "");
	const ctx = c.get("services");
	const fromInput = c.req.param("from") ?? "";
	const toInput = c.req.param("to") ?? "";
	const withdrawn = field("withdraw");
	if (withdrawn !== undefined) {
		const id = Number(withdrawn);
		if (!Number.isInteger(id) || id <= 0)
			throw new InvalidInputError(`${withdrawn} is not a decision`);
		await withdraw(ctx, id);
	} else {
		const action = field("action");
		if (action !== "pair" && action !== "unpair")
			throw new InvalidInputError("choose pair or unpair");
		await decide(ctx, fromInput, toInput, {
			action,
			from: refsTyped(field("old")),
			to: refsTyped(field("new")),
			note: field("note"),
		});
	}
	const { diff } = await getDiff(ctx, fromInput, toInput);
	return c.redirect(
		diffHref(diff.from.symbol ?? fromInput, diff.to.symbol ?? toInput, {}, "review"),
		303,
	);
}

export function DiffPicker(props: {
	series: readonly SeriesView[];
	from: string | null;
	to: string | null;
}) {
	return (
		<Layout title="Compare two members" section="series">
			<h1>Compare two members</h1>
			<p class="lede">Choose two stored members to see the redline between them.</p>
			<form class="controls" method="get" action="/diff">
				<MemberSelect
					id="pick-from"
					name="from"
					label="Earlier text"
					series={props.series}
					selected={props.from}
				/>
				<MemberSelect
					id="pick-to"
					name="to"
					label="Later text"
					series={props.series}
					selected={props.to}
				/>
				<button type="submit">Show the redline</button>
			</form>
		</Layout>
	);
}

/**
 * `/diff?from=34-39&to=37-39` goes on to `/diff/34-39/37-39`. Without both, the
 * form, with `earlier` and `later` preselected (else the latest two stored
 * members of the default series).
 */
export async function diffPickerHandler(c: Context<AppEnv>) {
	const from = c.req.query("from")?.trim();
	const to = c.req.query("to")?.trim();
	if (from && to) {
		const keep = viewQuery(parseView((name) => c.req.query(name)));
		return c.redirect(diffHref(normaliseSymbol(from), normaliseSymbol(to), keep), 303);
	}
	const { chosen, all } = await chooseSeries(c.get("services"), undefined);
	const stored = chosen?.members.filter((m) => m.present).map((m) => m.symbol) ?? [];
	const asked = (name: string) => {
		const value = c.req.query(name)?.trim();
		return value ? normaliseSymbol(value) : undefined;
	};
	const earlier = asked("earlier") ?? stored.at(-2) ?? null;
	const later = asked("later") ?? stored.at(-1) ?? null;
	return sendPage(c, <DiffPicker series={all} from={earlier} to={later} />);
}
