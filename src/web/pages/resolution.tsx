/**
 * `/resolution/{member}`: a stored text to read whole, as the service holds
 * it: title, adoption and source, then every paragraph with its ref as an
 * anchor (`/resolution/37-39#OP5`), lead phrase in italics, sub-paragraphs
 * and footnotes, and a link to each paragraph's history.
 */
import type { Context } from "hono";
import type { Paragraph, Resolution } from "../../core/model.ts";
import type { AppEnv } from "../../http/types.ts";
import { describeAdoption } from "../../render/adoption.ts";
import { getResolution, type StoredResolution } from "../../services/resolutions.ts";
import { ParagraphBlock } from "../components/paragraph-block.tsx";
import { Layout } from "../layout.tsx";
import {
	COMPARE_PATH,
	newLanguageHref,
	paragraphHref,
	queryString,
	shortName,
	sourcesHref,
} from "../paths.ts";
import { sendPage } from "../respond.ts";
import { plural } from "../words.ts";

function Part(props: { title: string; id: string; member: string; paragraphs: Paragraph[] }) {
	if (props.paragraphs.length === 0) return null;
	return (
		<section aria-labelledby={props.id}>
			<h2 id={props.id}>
				{props.title} ({props.paragraphs.length})
			</h2>
			{props.paragraphs.map((p) => (
				<ParagraphBlock
					paragraph={p}
					label={<a href={paragraphHref(props.member, p.ref)}>History of {p.ref}</a>}
				/>
			))}
		</section>
	);
}

function Contents(props: { res: Resolution }) {
	const refs = props.res.paragraphs.map((p) => p.ref);
	return (
		<nav aria-label="Paragraphs" class="para-index">
			<ul class="inline-list">
				{refs.map((ref) => (
					<li>
						<a href={`#${encodeURIComponent(ref)}`}>{ref}</a>
					</li>
				))}
			</ul>
		</nav>
	);
}

export function ResolutionPage(props: { stored: StoredResolution }) {
	const { resolution: res, source, seriesId } = props.stored;
	const symbol = res.symbol ?? "";
	const name = shortName(symbol);
	const preambular = res.paragraphs.filter((p) => p.kind === "preambular");
	const operative = res.paragraphs.filter((p) => p.kind === "operative");
	const adopted = describeAdoption(res);
	return (
		<Layout
			title={`${name}: ${res.title ?? symbol}`}
			section="series"
			seriesId={seriesId ?? undefined}
		>
			<h1>
				{name}
				{res.title ? `: ${res.title}` : ""}
			</h1>
			<p class="lede">
				{symbol}
				{res.organ ? `, ${res.organ}` : ""}
				{adopted ? `, ${adopted}` : ""}. {plural(preambular.length, "preambular paragraph")} and{" "}
				{plural(operative.length, "operative paragraph")}.
			</p>
			<p class="note">
				The text as stored here, read from {source.name}
				{source.address ? (
					<>
						{" "}
						(official copy: <a href={source.address}>{source.address}</a>)
					</>
				) : (
					""
				)}
				. Check a quotation against the official document.
			</p>
			<ul class="actions">
				{seriesId && (
					<li>
						<a href={newLanguageHref(symbol)}>New language in {name}</a>
					</li>
				)}
				<li>
					<a href={`${COMPARE_PATH}${queryString({ base: symbol })}`}>
						Compare a draft with {name}
					</a>
				</li>
				<li>
					{name}, annotated with its sources: <a href={sourcesHref(symbol, "docx")}>Word</a>,{" "}
					<a href={sourcesHref(symbol, "html")}>HTML</a>,{" "}
					<a href={sourcesHref(symbol, "md")}>Markdown</a>
				</li>
			</ul>
			<Contents res={res} />
			<Part title="Preambular paragraphs" id="preambular" member={symbol} paragraphs={preambular} />
			<Part title="Operative paragraphs" id="operative" member={symbol} paragraphs={operative} />
			{res.notes.length > 0 && (
				<section aria-labelledby="notes">
					<h2 id="notes">Notes</h2>
					<p class="para-notes">
						{res.notes.map((n, i) => (
							<>
								{i > 0 && <br />}
								{`[${n.mark}] ${n.text}`}
							</>
						))}
					</p>
				</section>
			)}
			{res.adoption.note && <p class="para-notes">{res.adoption.note}</p>}
		</Layout>
	);
}

export async function resolutionHandler(c: Context<AppEnv>) {
	const stored = await getResolution(c.get("services"), c.req.param("member") ?? "");
	return sendPage(c, <ResolutionPage stored={stored} />);
}
