/**
 * `/lineage?series=`: the picture of a whole series. Every clause (one
 * paragraph's language followed through the years) is a row, every stored
 * member a column; each cell is coloured and marked with a symbol for what
 * happened to the clause there, and links to that paragraph's history. The
 * row starts with the year the language first appeared and the opening words
 * of its latest wording. An HTML table, so it reads in print and aloud.
 * `?from=&to=` narrows the columns to a window of members.
 */
import type { Context } from "hono";
import type { DiffSide } from "../../core/diff/index.ts";
import { InvalidInputError } from "../../core/errors.ts";
import type { Clause, Lineage } from "../../core/lineage/index.ts";
import { memberYear } from "../../core/manifest.ts";
import { joinLead, type Paragraph } from "../../core/model.ts";
import type { AppEnv } from "../../http/types.ts";
import { getParagraphs } from "../../services/resolutions.ts";
import { getLineage, LINEAGE_PAGE_SIZE } from "../../services/series.ts";
import { Legend } from "../components/legend.tsx";
import { MemberSelect } from "../components/member-select.tsx";
import { Layout } from "../layout.tsx";
import { cellMark } from "../lineage-marks.ts";
import {
	memberSlug,
	newLanguageHref,
	paragraphHref,
	queryString,
	seriesHref,
	shortName,
	yearOf,
} from "../paths.ts";
import { sendPage } from "../respond.ts";
import { chooseSeries, type SeriesView } from "../series-choice.ts";
import { plural } from "../words.ts";

/** How much of a clause's wording names its row. */
const EXCERPT_CHARS = 70;

/** The opening words of a paragraph, cut at a word boundary. */
export function excerpt(p: Paragraph, max = EXCERPT_CHARS): string {
	const text = joinLead(p.lead, p.body).replace(/\s+/g, " ").trim();
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 15)).replace(/[\s,;:]+$/, "")}…`;
}

export interface LineageRow {
	readonly clause: Clause;
	/** The row's anchor: the ref in the latest member where the clause is there (`OP5`), else member and ref (`25-36-OP7`). */
	readonly id: string;
	readonly year: string;
	readonly excerpt: string;
}

/** The rows of the picture, each with a unique, readable anchor. */
export function lineageRows(
	lineage: Lineage,
	paragraphs: ReadonlyMap<string, ReadonlyMap<string, Paragraph>>,
	/** Adoption dates of every member of the series, for clauses older than a window's first member. */
	adopted: ReadonlyMap<string, string | null> = new Map(),
): LineageRow[] {
	const last = lineage.members.length - 1;
	const used = new Set<string>();
	return lineage.clauses.map((clause) => {
		const at = clause.cells.findLastIndex((c) => c !== null);
		const cell = clause.cells[at];
		const member = lineage.members[at]?.symbol ?? "";
		const base = cell ? (at === last ? cell.ref : `${memberSlug(member)}-${cell.ref}`) : clause.id;
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		const p = cell ? paragraphs.get(member)?.get(cell.ref) : undefined;
		return {
			clause,
			id,
			year: yearOf(
				(clause.since ? adopted.get(clause.since) : undefined) ??
					lineage.members[clause.first]?.date ??
					null,
			),
			excerpt: p ? excerpt(p) : (cell?.ref ?? ""),
		};
	});
}

function Cell(props: { clause: Clause; k: number; members: readonly DiffSide[] }) {
	const { clause, k, members } = props;
	const cell = clause.cells[k] ?? null;
	const before = k > 0 ? (clause.cells[k - 1] ?? null) : null;
	const mark = cellMark(cell, before);
	const member = members[k]?.symbol ?? "";
	const name = shortName(member);
	const classes = [`ln-${mark.state}`, mark.moved ? "cell-moved" : ""].filter(Boolean).join(" ");
	const data = {
		"data-state": mark.state,
		"data-moved": String(mark.moved),
		"data-ref": cell?.ref,
	};
	// A removed cell leads to the history of the paragraph that was dropped.
	const target = cell
		? paragraphHref(member, cell.ref)
		: before && members[k - 1]?.symbol
			? paragraphHref(members[k - 1]?.symbol ?? "", before.ref)
			: null;
	const content = (
		<>
			<span class="sym" aria-hidden="true">
				{mark.symbols}
			</span>
			<span class="cell-ref">{cell?.ref ?? ""}</span>
			<span class="visually-hidden">
				{cell ? `: ${mark.words} in ${name}` : `${mark.words} in ${name}`}
			</span>
		</>
	);
	return (
		<td class={classes} {...data}>
			{target ? <a href={target}>{content}</a> : <span class="cell">{content}</span>}
		</td>
	);
}

/** Which members the picture spans: all of them, or the ones from `from` to `to`. */
function WindowForm(props: { series: SeriesView; lineage: Lineage }) {
	const stored = [{ ...props.series, members: props.series.members.filter((m) => m.present) }];
	const shown = props.lineage.members;
	return (
		<form class="controls" method="get" action="/lineage" aria-label="Members shown">
			<input type="hidden" name="series" value={props.series.id} />
			<MemberSelect
				id="window-from"
				name="from"
				label="From"
				series={stored}
				selected={shown[0]?.symbol}
			/>
			<MemberSelect
				id="window-to"
				name="to"
				label="To"
				series={stored}
				selected={shown.at(-1)?.symbol}
			/>
			<button type="submit">Show</button>
		</form>
	);
}

/** What the address asked for, kept in the links to other pages. */
type PageQuery = Readonly<Partial<Record<"series" | "from" | "to" | "pageSize", string>>>;

/** Links to the other pages of clauses, with what this page holds. */
function PageNav(props: { lineage: Lineage; query: PageQuery }) {
	const page = props.lineage.page;
	if (!page || page.pages <= 1) return null;
	const href = (n: number) =>
		`/lineage${queryString({ ...props.query, page: n > 1 ? String(n) : undefined })}#clauses`;
	const first = (page.number - 1) * page.size + 1;
	const last = first + props.lineage.clauses.length - 1;
	// The first, the last and the pages around this one.
	const shown = [
		...new Set([
			1,
			page.number - 2,
			page.number - 1,
			page.number,
			page.number + 1,
			page.number + 2,
			page.pages,
		]),
	]
		.filter((n) => n >= 1 && n <= page.pages)
		.sort((a, b) => a - b);
	return (
		<nav class="pages" aria-label="Pages of clauses">
			<p>
				Clauses {first}–{last} of {page.clauses}, {page.size} a page (page {page.number} of{" "}
				{page.pages}).
			</p>
			<ul>
				{page.number > 1 && (
					<li>
						<a href={href(page.number - 1)} rel="prev">
							Previous page
						</a>
					</li>
				)}
				{shown.map((n) => (
					<li>
						{n === page.number ? (
							<span aria-current="page">{n}</span>
						) : (
							<a href={href(n)}>
								<span class="visually-hidden">Page </span>
								{n}
							</a>
						)}
					</li>
				))}
				{page.number < page.pages && (
					<li>
						<a href={href(page.number + 1)} rel="next">
							Next page
						</a>
					</li>
				)}
			</ul>
		</nav>
	);
}

export function LineagePage(props: {
	series: SeriesView;
	all: readonly SeriesView[];
	lineage: Lineage;
	rows: readonly LineageRow[];
	/** What the address asked for, kept in the links to other pages. */
	query?: PageQuery;
	/** Whether the window is the default one (the latest members of a long series). */
	defaultWindow?: boolean;
}) {
	const { series, lineage, rows } = props;
	const missing = series.members.filter((m) => !m.present);
	const others = props.all.filter((s) => s.id !== series.id);
	return (
		<Layout title={`Lineage: ${series.title}`} section="lineage" seriesId={series.id} wide>
			<h1>Lineage of {series.title}</h1>
			<p class="lede">
				Each row follows one clause (a paragraph's language) through the series; each column is a
				stored member, oldest first. A row starts with the year its language first appeared. Every
				cell links to that paragraph's history.
			</p>
			{missing.length > 0 && (
				<p class="note">
					Not stored, so not shown:{" "}
					{missing
						.map((m) => `${m.number} (${memberYear(m) ?? "year to be confirmed"})`)
						.join(", ")}
					. A clause may be older than the first stored member says.{" "}
					<a href={seriesHref(series.id)}>How to add them</a>.
				</p>
			)}
			{others.length > 0 && (
				<p>
					Other series:{" "}
					{others.map((s, i) => (
						<>
							{i > 0 && ", "}
							<a href={`/lineage?series=${encodeURIComponent(s.id)}`}>{s.title}</a>
						</>
					))}
				</p>
			)}
			{series.members.filter((m) => m.present).length > 2 && (
				<WindowForm series={series} lineage={lineage} />
			)}
			<h2>Key</h2>
			<Legend />
			<h2 id="clauses">Clauses</h2>
			{props.defaultWindow && (
				<p class="note">
					Showing the latest {plural(lineage.members.length, "stored member")}, from{" "}
					{shortName(lineage.members[0]?.symbol ?? null)}; choose From and To above for others.
				</p>
			)}
			<PageNav lineage={lineage} query={props.query ?? {}} />
			{lineage.members.length === 0 ? (
				<p>No member of this series is stored yet.</p>
			) : (
				<div class="table-scroll">
					<table class="lineage" data-clauses={rows.length}>
						<caption>
							{plural(rows.length, "clause")} across{" "}
							{plural(lineage.members.length, "stored member")}
						</caption>
						<thead>
							<tr>
								<th scope="col">First appeared · clause</th>
								{lineage.members.map((m) => (
									<th scope="col">
										<a href={newLanguageHref(m.symbol ?? "")}>
											{shortName(m.symbol)}
											<span class="visually-hidden">: new language</span>
										</a>
										<span class="year">{yearOf(m.date)}</span>
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr id={row.id} data-clause={row.clause.id}>
									<th scope="row">
										<span class="first">{row.year}</span> {row.excerpt}
									</th>
									{lineage.members.map((_, k) => (
										<Cell clause={row.clause} k={k} members={lineage.members} />
									))}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<PageNav lineage={lineage} query={props.query ?? {}} />
		</Layout>
	);
}

/** Members shown when no window is chosen: the latest ones, so a long series stays readable. */
export const DEFAULT_WINDOW = 20;

/**
 * The members the page spans: those asked for, else, in a series of more
 * than DEFAULT_WINDOW stored members, the latest DEFAULT_WINDOW of them.
 * Returns `asked` itself when it is used as it is.
 */
export function memberWindow<W extends { readonly from?: string; readonly to?: string }>(
	stored: readonly string[],
	asked: W,
): W | { from: string | undefined; to: undefined } {
	if (asked.from || asked.to || stored.length <= DEFAULT_WINDOW) return asked;
	return { from: stored[stored.length - DEFAULT_WINDOW], to: undefined };
}

/** `?page=` or `?pageSize=`: a whole number from 1 (the service checks the upper bound), or a clear error. */
function wholeNumber(name: string, value: string | undefined): number | undefined {
	if (!value) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < 1)
		throw new InvalidInputError(`${name} must be a whole number from 1, not "${value}"`);
	return Number(value);
}

export async function lineageHandler(c: Context<AppEnv>) {
	const ctx = c.get("services");
	const { chosen, all } = await chooseSeries(ctx, c.req.query("series"));
	if (!chosen) return c.redirect(seriesHref(), 303);
	// A window of members: `from` and `to` in any form of symbol; by default the latest DEFAULT_WINDOW.
	const asked = { from: c.req.query("from") || undefined, to: c.req.query("to") || undefined };
	const window = memberWindow(
		chosen.members.filter((m) => m.present).map((m) => m.symbol),
		asked,
	);
	const size = wholeNumber("pageSize", c.req.query("pageSize"));
	const lineage = await getLineage(ctx, chosen.id, window, {
		number: wholeNumber("page", c.req.query("page")),
		size: size ?? LINEAGE_PAGE_SIZE,
	});
	// The row labels quote each clause's latest wording: only those paragraphs are read.
	const wanted = lineage.clauses.flatMap((clause) => {
		const at = clause.cells.findLastIndex((x) => x !== null);
		const symbol = lineage.members[at]?.symbol;
		const ref = clause.cells[at]?.ref;
		return symbol && ref ? [{ symbol, ref }] : [];
	});
	const paragraphs = await getParagraphs(ctx, wanted);
	const adopted = new Map(
		chosen.members.map((m) => [m.symbol, m.adopted ?? String(memberYear(m) ?? "")]),
	);
	const rows = lineageRows(lineage, paragraphs, adopted);
	const windowed = window !== asked;
	return sendPage(
		c,
		<LineagePage
			series={chosen}
			all={all}
			lineage={lineage}
			rows={rows}
			query={{
				series: c.req.query("series"),
				...asked,
				pageSize: size === undefined ? undefined : String(size),
			}}
			defaultWindow={windowed}
		/>,
	);
}
