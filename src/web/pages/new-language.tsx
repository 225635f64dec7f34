/**
 * `/new/{member}`: the operative and preambular paragraphs of a member whose
 * language no earlier stored member of its series used, operative first
 * (what delegates look for), each linking to its history; then the
 * paragraphs reworded with new wording, the new phrases highlighted. Says so
 * when earlier members are not stored, since "new" can only mean new to the
 * stored texts.
 */
import type { Context } from "hono";
import { InvalidInputError } from "../../core/errors.ts";
import { membersBefore } from "../../core/manifest.ts";
import type { Paragraph } from "../../core/model.ts";
import type { SpannedParagraph } from "../../core/novelty/index.ts";
import type { AppEnv } from "../../http/types.ts";
import { formatDate } from "../../render/labels.ts";
import { getPhraseNewLanguage, type PhraseNewLanguage } from "../../services/provenance.ts";
import { getResolution } from "../../services/resolutions.ts";
import { getSeries } from "../../services/series.ts";
import { ParagraphBlock } from "../components/paragraph-block.tsx";
import { SpannedText } from "../components/spanned-text.tsx";
import { Layout } from "../layout.tsx";
import { diffHref, paragraphHref, resolutionHref, shortName, sourcesHref } from "../paths.ts";
import { sendPage } from "../respond.ts";
import type { SeriesView } from "../series-choice.ts";

function Section(props: { title: string; id: string; member: string; paragraphs: Paragraph[] }) {
	return (
		<section aria-labelledby={props.id}>
			<h2 id={props.id}>
				{props.title} ({props.paragraphs.length})
			</h2>
			{props.paragraphs.length === 0 ? (
				<p>None.</p>
			) : (
				props.paragraphs.map((p) => (
					<ParagraphBlock
						paragraph={p}
						isNew
						label={<a href={paragraphHref(props.member, p.ref)}>History of {p.ref}</a>}
					/>
				))
			)}
		</section>
	);
}

function Reworded(props: {
	title: string;
	id: string;
	member: string;
	paragraphs: SpannedParagraph[];
}) {
	return (
		<section aria-labelledby={props.id}>
			<h2 id={props.id}>
				{props.title} ({props.paragraphs.length})
			</h2>
			{props.paragraphs.length === 0 ? (
				<p>None.</p>
			) : (
				props.paragraphs.map((p) => (
					<div class="para reworded" id={p.ref} data-ref={p.ref} data-kind={p.kind}>
						<p class="para-label">
							<span class="ref">{p.ref}</span>
							<a href={paragraphHref(props.member, p.ref)}>History and sources of {p.ref}</a>
						</p>
						<SpannedText spans={p.spans} />
					</div>
				))
			)}
		</section>
	);
}

export function NewLanguagePage(props: { found: PhraseNewLanguage; series: SeriesView }) {
	const { found, series } = props;
	const member = found.member.symbol ?? "";
	const name = shortName(member);
	const stored = series.members.filter((m) => m.present);
	const index = stored.findIndex((m) => m.symbol === member);
	const previous = index > 0 ? stored[index - 1] : undefined;
	const date = found.member.date;
	const unstoredEarlier = membersBefore(series.members, member).filter((m) => !m.present);
	return (
		<Layout title={`New language in ${name}`} section="series" seriesId={series.id}>
			<h1>New language in {name}</h1>
			<p class="lede">
				Paragraphs of {member}
				{date ? `, adopted ${formatDate(date)},` : ""} whose language no earlier stored member of
				the series used: {found.operative.length} operative and {found.preambular.length}{" "}
				preambular; and {found.reworded.operative.length + found.reworded.preambular.length}{" "}
				reworded paragraphs whose new wording is <mark class="new-phrase">highlighted</mark>.
			</p>
			{index === 0 && (
				<p class="note">
					{name} is the first stored member of the series, so all its language is new to the stored
					texts.
				</p>
			)}
			{unstoredEarlier.length > 0 && index !== 0 && (
				<p class="note">
					Not stored: {unstoredEarlier.map((m) => m.number).join(", ")}. Language shown here as new
					may have appeared in one of them.
				</p>
			)}
			<ul class="actions">
				{previous && (
					<li>
						<a href={diffHref(previous.symbol, member, { only: "changes" })}>
							Everything that changed since {previous.number}
						</a>
					</li>
				)}
				<li>
					<a href={resolutionHref(member)}>Read {name} whole</a>
				</li>
				<li>
					<a href={sourcesHref(member, "docx")}>{name}, annotated with its sources (Word)</a>
				</li>
			</ul>
			<Section
				title="Operative paragraphs"
				id="operative"
				member={member}
				paragraphs={found.operative}
			/>
			<Section
				title="Preambular paragraphs"
				id="preambular"
				member={member}
				paragraphs={found.preambular}
			/>
			<Reworded
				title="Reworded operative paragraphs with new wording"
				id="reworded-operative"
				member={member}
				paragraphs={found.reworded.operative}
			/>
			<Reworded
				title="Reworded preambular paragraphs with new wording"
				id="reworded-preambular"
				member={member}
				paragraphs={found.reworded.preambular}
			/>
		</Layout>
	);
}

export async function newLanguageHandler(c: Context<AppEnv>) {
	const ctx = c.get("services");
	const stored = await getResolution(ctx, c.req.param("member") ?? "");
	const symbol = stored.resolution.symbol ?? "";
	if (!stored.seriesId) {
		throw new InvalidInputError(
			`${shortName(symbol)} belongs to no series, so nothing earlier says what is new in it`,
		);
	}
	const [found, series] = await Promise.all([
		getPhraseNewLanguage(ctx, stored.seriesId, symbol),
		getSeries(ctx, stored.seriesId),
	]);
	return sendPage(c, <NewLanguagePage found={found} series={series} />);
}
