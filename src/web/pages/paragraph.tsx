/**
 * `/paragraph/{member}/{ref}`: one paragraph through its series. The
 * paragraph as the member adopted it, the year its language first appeared,
 * then each stored member from that year on with the redline against the
 * member before (or the text as adopted, for the first stored member), and
 * where it was dropped. The paragraph itself carries the id `OP5`; each
 * year's block carries the member and ref (`34-39-OP4`).
 */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { type StructuredDiff, summarize } from "../../core/diff/index.ts";
import type { SourcesNote } from "../../core/novelty/index.ts";
import type { AppEnv } from "../../http/types.ts";
import { renderHtml } from "../../render/index.ts";
import { formatDate } from "../../render/labels.ts";
import {
	getParagraphHistory,
	type HistoryStep,
	type ParagraphHistory,
} from "../../services/history.ts";
import { getProvenance } from "../../services/provenance.ts";
import { ParagraphBlock } from "../components/paragraph-block.tsx";
import { Redline } from "../components/redline.tsx";
import { Layout } from "../layout.tsx";
import { diffHref, lineageHref, memberSlug, shortName, yearOf } from "../paths.ts";
import { sendPage } from "../respond.ts";

function stepHeading(step: HistoryStep, index: number): string {
	const name = shortName(step.member.symbol);
	const year = yearOf(step.member.date);
	const refs = step.refs.join(" + ");
	if (step.state === "removed") return `${year} · ${name}: removed`;
	if (step.state === "absent") return `${year} · ${name}: not in this member`;
	if (index === 0) return `${year} · ${name}, ${refs}: first appeared`;
	return `${year} · ${name}, ${refs}`;
}

function Step(props: { step: HistoryStep; index: number; asked: boolean }) {
	const { step } = props;
	const slug = memberSlug(step.member.symbol ?? "");
	const member = step.member.symbol ?? "";
	const previous = step.previous?.symbol ?? null;
	const headingId = `step-${slug}`;
	let body: Child = null;
	if (step.changes.length > 0 && step.previous) {
		const diff: StructuredDiff = {
			from: step.previous,
			to: step.member,
			summary: summarize(step.changes),
			changes: [...step.changes],
		};
		body = (
			<Redline
				html={renderHtml(diff, { summary: false, idPrefix: `${slug}-`, routine: "expanded" })}
			/>
		);
	} else if (step.paragraphs.length > 0) {
		body = step.paragraphs.map((p) => (
			<ParagraphBlock
				paragraph={p}
				id={`${slug}-${p.ref}`}
				label={<span>As adopted in {shortName(member)}; no earlier member is stored</span>}
			/>
		));
	} else {
		body = <p class="gone">Not in {shortName(member)}.</p>;
	}
	return (
		<li
			class={props.asked ? "history-step asked" : "history-step"}
			data-member={shortName(member)}
			data-state={step.state}
			aria-labelledby={headingId}
		>
			<h3 class="step-head" id={headingId}>
				{stepHeading(step, props.index)}
				{props.asked && <span class="visually-hidden"> (the text you asked about)</span>}
			</h3>
			{body}
			{previous && step.state !== "absent" && (
				<p class="hint">
					<a href={diffHref(previous, member, {}, step.refs[0])}>
						The whole redline from {shortName(previous)} to {shortName(member)}
					</a>
				</p>
			)}
		</li>
	);
}

export function ParagraphPage(props: { history: ParagraphHistory; sources: SourcesNote | null }) {
	const h = props.history;
	const member = h.member.symbol ?? "";
	const name = shortName(member);
	const first = h.firstAppeared;
	const title = `${h.paragraph.ref} of ${name} through the series`;
	return (
		<Layout title={title} section="lineage" seriesId={h.seriesId ?? undefined}>
			<h1>{title}</h1>
			<p class="lede">
				Its language first appeared in <b>{yearOf(first.date)}</b>, in {shortName(first.symbol)}
				{first.date ? ` (adopted ${formatDate(first.date)})` : ""}.
				{h.unstoredEarlier.length > 0 &&
					` Earlier members are not stored (${h.unstoredEarlier.map((s) => shortName(s)).join(", ")}), so it may be older.`}
			</p>
			<ParagraphBlock
				paragraph={h.paragraph}
				label={
					<span>
						as adopted in {name}
						{h.member.date ? ` on ${formatDate(h.member.date)}` : ""}
					</span>
				}
			/>
			{props.sources && (
				<p class="sources-note" id="sources">
					<span class="visually-hidden">Where its language came from: </span>[{props.sources.text}]
				</p>
			)}
			{h.seriesId && (
				<p>
					<a href={lineageHref(h.seriesId)}>Every clause of the series (lineage)</a>
				</p>
			)}
			<h2>Year by year</h2>
			<ol class="history">
				{h.steps.map((step, i) => (
					<Step step={step} index={i} asked={step.member.symbol === member} />
				))}
			</ol>
		</Layout>
	);
}

export async function paragraphHandler(c: Context<AppEnv>) {
	const history = await getParagraphHistory(
		c.get("services"),
		c.req.param("member") ?? "",
		c.req.param("ref") ?? "",
	);
	const provenance = await getProvenance(
		c.get("services"),
		history.member.symbol ?? "",
		history.paragraph.ref,
	);
	return sendPage(c, <ParagraphPage history={history} sources={provenance.note} />);
}
