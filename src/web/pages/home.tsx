/**
 * `/`: the series at a glance. Its members in order of adoption with their
 * dates and, at each stored member, what changed since the stored member
 * before it, as numbers and as bars on one scale. Members not stored yet are
 * shown as missing, with the commands that get them.
 */
import type { Context } from "hono";
import type { DiffSummary } from "../../core/diff/index.ts";
import type { Lineage } from "../../core/lineage/index.ts";
import { memberYear } from "../../core/manifest.ts";
import type { AppEnv } from "../../http/types.ts";
import { formatDate } from "../../render/labels.ts";
import { changeCount, getLatestChange, type LatestChange } from "../../services/latest.ts";
import { getLineage } from "../../services/series.ts";
import { ChangeBars, chartScale } from "../components/change-bars.tsx";
import { Layout } from "../layout.tsx";
import {
	apiDiffHref,
	COMPARE_PATH,
	diffHref,
	lineageHref,
	memberSlug,
	newLanguageHref,
	resolutionHref,
	seriesHref,
	shortName,
} from "../paths.ts";
import { sendPage } from "../respond.ts";
import { chooseSeries, type SeriesMember, type SeriesView } from "../series-choice.ts";
import { plural } from "../words.ts";

interface StoredFacts {
	/** Distinct paragraphs of each kind in the member. */
	readonly preambular: number;
	readonly operative: number;
	/** The comparison with the stored member before, when there is one. */
	readonly since: { readonly symbol: string; readonly summary: DiffSummary } | null;
}

/** Per stored member: its paragraph counts and its comparison with the stored member before. */
function storedFacts(lineage: Lineage): Map<string, StoredFacts> {
	const facts = new Map<string, StoredFacts>();
	lineage.members.forEach((m, k) => {
		if (!m.symbol) return;
		const refs = { preambular: new Set<string>(), operative: new Set<string>() };
		for (const c of lineage.clauses) {
			const cell = c.cells[k];
			if (cell) refs[cell.kind].add(cell.ref);
		}
		const pair = lineage.pairs.find((p) => p.to.symbol === m.symbol);
		facts.set(m.symbol, {
			preambular: refs.preambular.size,
			operative: refs.operative.size,
			since: pair?.from.symbol ? { symbol: pair.from.symbol, summary: pair.summary } : null,
		});
	});
	return facts;
}

/**
 * For each stored member, the missing members between it and the stored
 * member before it: its comparison skips them, and the page says so.
 */
function skippedBefore(members: readonly SeriesMember[]): Map<string, SeriesMember[]> {
	const out = new Map<string, SeriesMember[]>();
	let gap: SeriesMember[] = [];
	let seenStored = false;
	for (const m of members) {
		if (!m.present) {
			if (seenStored) gap.push(m);
			continue;
		}
		out.set(m.symbol, gap);
		gap = [];
		seenStored = true;
	}
	return out;
}

/** "adopted 31 March 2026", or the year alone while the day is not confirmed. */
function adoptedWhen(m: SeriesMember): string {
	if (m.adopted) return `adopted ${formatDate(m.adopted)}`;
	const year = memberYear(m);
	return year ? `adopted in ${year}` : "adoption date to be confirmed";
}

function MissingMember(props: { member: SeriesMember }) {
	const m = props.member;
	return (
		<li
			class="member missing"
			id={memberSlug(m.symbol)}
			data-member={m.number}
			data-present="false"
		>
			<h3>
				{m.number} <span class="when">· {adoptedWhen(m)} · not stored</span>
			</h3>
			<p class="title">{m.title ?? "Title to be confirmed from the official text"}</p>
			<p class="missing-how">
				Not stored yet, so no comparison includes it. Fetch it with{" "}
				<code>npx resdiff fetch {m.number}</code>, or import your copy (DOCX, PDF or text) with{" "}
				<code>npx resdiff import &lt;file&gt;</code>.{" "}
				<a href={m.address}>
					Official text of {m.number}
					<span class="visually-hidden"> (UN Official Document System)</span>
				</a>
			</p>
		</li>
	);
}

function StoredMember(props: {
	member: SeriesMember;
	facts: StoredFacts | undefined;
	scale: number;
	skipped: readonly SeriesMember[];
}) {
	const m = props.member;
	const since = props.facts?.since;
	const sinceNumber = since ? shortName(since.symbol) : "";
	return (
		<li
			class={since ? "member compared" : "member"}
			id={memberSlug(m.symbol)}
			data-member={m.number}
			data-present="true"
		>
			<h3>
				{m.number} <span class="when">· {adoptedWhen(m)}</span>
			</h3>
			{m.title && <p class="title">{m.title}</p>}
			{props.facts && (
				<p class="counts">
					{plural(props.facts.preambular, "preambular paragraph")} and{" "}
					{plural(props.facts.operative, "operative paragraph")}
				</p>
			)}
			{since && (
				<section class="changes" aria-labelledby={`since-${memberSlug(m.symbol)}`}>
					<h4 id={`since-${memberSlug(m.symbol)}`}>
						Changes since {sinceNumber}
						{props.skipped.length > 0 &&
							` (${props.skipped.map((s) => s.number).join(", ")} not stored)`}
					</h4>
					<ChangeBars summary={since.summary} scale={props.scale} />
				</section>
			)}
			<ul class="actions">
				{since && (
					<li>
						<a href={diffHref(since.symbol, m.symbol)}>Redline against {sinceNumber}</a>
					</li>
				)}
				<li>
					<a href={resolutionHref(m.symbol)}>Read {m.number}</a>
				</li>
				<li>
					<a href={newLanguageHref(m.symbol)}>New language in {m.number}</a>
				</li>
				{since && (
					<li>
						<a href={apiDiffHref(since.symbol, m.symbol, "docx")}>
							Word with tracked changes
							<span class="visually-hidden">
								{" "}
								from {sinceNumber} to {m.number}
							</span>
						</a>
					</li>
				)}
			</ul>
		</li>
	);
}

/** "61/37 (2026)": a member's number and year, where the year is known. */
function named(m: SeriesMember): string {
	const year = memberYear(m);
	return year ? `${m.number} (${year})` : m.number;
}

/**
 * The comparison users come for first: the latest stored member against the
 * stored member before it; or, with one stored, what to fetch for a pair.
 */
function LatestBlock(props: { latest: LatestChange }) {
	const { latest, previous, skipped, newer, toFetch, diff } = props.latest;
	if (!latest) return null;
	const fetchAdvice = (members: readonly SeriesMember[]) => (
		<code>npx resdiff fetch {members.map((m) => m.number).join(" ")}</code>
	);
	const newerNote = newer.length > 0 && (
		<p class="latest-newer">
			Listed but not stored yet, and later: {newer.map(named).join(", ")}. Get them with{" "}
			{fetchAdvice(newer)}.
		</p>
	);
	if (!previous || !diff) {
		return (
			<section class="latest" id="latest" aria-labelledby="latest-title">
				<h2 id="latest-title">This year against last year</h2>
				<p class="latest-pair">
					Only {named(latest)} is stored, so there is nothing to compare it with yet.
					{toFetch && (
						<>
							{" "}
							Get {named(toFetch)} with {fetchAdvice([toFetch])}, or import your copy with{" "}
							<code>npx resdiff import &lt;file&gt; --symbol {toFetch.number}</code>.
						</>
					)}
				</p>
				{newerNote}
			</section>
		);
	}
	const s = diff.summary;
	const n = changeCount(s);
	return (
		<section class="latest" id="latest" aria-labelledby="latest-title">
			<h2 id="latest-title">This year against last year</h2>
			<p class="latest-pair">
				<a href={diffHref(previous.symbol, latest.symbol)}>
					{named(latest)} against {named(previous)}: {plural(n, "change")}
				</a>
			</p>
			<p class="latest-counts">
				{s.reworded} reworded ({s.routine} routine), {s.new} new, {s.removed} removed, {s.merged}{" "}
				merged, {s.split} split; {s.moved} moved; lead phrases {s.leadShifts.stronger} stronger,{" "}
				{s.leadShifts.weaker} weaker.
				{skipped.length > 0 &&
					` ${skipped.map((m) => m.number).join(", ")} ${skipped.length === 1 ? "is" : "are"} not stored, so this compares across ${skipped.length === 1 ? "it" : "them"}.`}
			</p>
			<ul class="actions">
				<li>
					<a href={diffHref(previous.symbol, latest.symbol, { only: "changes" })}>
						Only the changes
					</a>
				</li>
				<li>
					<a href={newLanguageHref(latest.symbol)}>New language in {latest.number}</a>
				</li>
				<li>
					<a href={apiDiffHref(previous.symbol, latest.symbol, "docx")}>
						Word with tracked changes
						<span class="visually-hidden">
							{" "}
							from {previous.number} to {latest.number}
						</span>
					</a>
				</li>
			</ul>
			{newerNote}
		</section>
	);
}

export function HomePage(props: {
	series: SeriesView | null;
	all: readonly SeriesView[];
	lineage: Lineage | null;
	latest?: LatestChange | null;
}) {
	const { series } = props;
	if (!series) {
		return (
			<Layout title="No series" section="series">
				<h1>No series yet</h1>
				<p class="lede">
					The corpus manifest lists no series. Add one to <code>corpus/manifest.json</code>, then
					import its members with <code>npx resdiff import &lt;file&gt;</code>.
				</p>
			</Layout>
		);
	}
	const facts = props.lineage ? storedFacts(props.lineage) : new Map<string, StoredFacts>();
	const scale = chartScale(props.lineage?.pairs.map((p) => p.summary) ?? []);
	const stored = series.members.filter((m) => m.present).length;
	const others = props.all.filter((s) => s.id !== series.id);
	const skipped = skippedBefore(series.members);
	return (
		<Layout title={series.title} section="series" seriesId={series.id}>
			<h1>{series.title}</h1>
			<p class="lede">
				{series.organ}: {plural(series.members.length, "member")} in order of adoption, {stored} of
				them stored. At each stored member, the paragraphs that are new, removed, reworded or moved
				since the stored member before it.
			</p>
			{props.latest && <LatestBlock latest={props.latest} />}
			<ul class="actions">
				<li>
					<a href={lineageHref(series.id)}>Every clause through the series (lineage)</a>
				</li>
				<li>
					<a href={COMPARE_PATH}>Compare a draft with a member</a>
				</li>
			</ul>
			<h2>Members</h2>
			<ol class="members">
				{series.members.map((m) =>
					m.present ? (
						<StoredMember
							member={m}
							facts={facts.get(m.symbol)}
							scale={scale}
							skipped={skipped.get(m.symbol) ?? []}
						/>
					) : (
						<MissingMember member={m} />
					),
				)}
			</ol>
			{others.length > 0 && (
				<>
					<h2>Other series</h2>
					<ul>
						{others.map((s) => (
							<li>
								<a href={seriesHref(s.id)}>{s.title}</a> (
								{plural(s.members.filter((m) => m.present).length, "stored member")})
							</li>
						))}
					</ul>
				</>
			)}
		</Layout>
	);
}

export async function homeHandler(c: Context<AppEnv>) {
	const { chosen, all } = await chooseSeries(c.get("services"), c.req.query("series"));
	const lineage = chosen?.members.some((m) => m.present)
		? await getLineage(c.get("services"), chosen.id)
		: null;
	const latest = chosen ? await getLatestChange(c.get("services"), chosen.id) : null;
	return sendPage(c, <HomePage series={chosen} all={all} lineage={lineage} latest={latest} />);
}
