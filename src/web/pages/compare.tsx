/**
 * `/compare`: paste a draft (or upload a DOCX, PDF or text file) and see its
 * redline against a stored member. Nothing is stored. The form posts to
 * itself; the answer is the redline above the form, with the draft kept in
 * the text box so it can be edited and compared again, or the same
 * comparison as a Word or Markdown download. A draft that cannot be read
 * comes back in the form with the reason and the status that fits.
 */

import type { Context } from "hono";
import type { DiffSide } from "../../core/diff/index.ts";
import { InvalidInputError, ResdiffError } from "../../core/errors.ts";
import { retryAfter } from "../../http/errors.ts";
import type { AppEnv } from "../../http/types.ts";
import { MAX_DOCUMENT_BYTES, megabytes } from "../../ingest/limits.ts";
import { sideShortName } from "../../render/labels.ts";
import {
	type DraftLimits,
	draftInput,
	draftLimits,
	fileHint,
	MAX_DRAFT_NAME,
} from "../../services/drafts.ts";
import { compareDraft, normaliseSymbol } from "../../services/resolutions.ts";
import { MemberSelect } from "../components/member-select.tsx";
import { Redline } from "../components/redline.tsx";
import { ViewControls } from "../components/view-controls.tsx";
import { headingFor, type PageProblem, pageProblem, sentence } from "../errors.tsx";
import { readForm } from "../form.ts";
import { Layout } from "../layout.tsx";
import {
	DEFAULT_VIEW,
	nothingShown,
	parseView,
	type RedlineView,
	type ShownRedline,
} from "../redline-view.ts";
import { sendPage } from "../respond.ts";
import { chooseSeries, type SeriesView } from "../series-choice.ts";

/** The largest form accepted: a document at the readers' limit, and room for the other fields. */
export const COMPARE_BODY_LIMIT = MAX_DOCUMENT_BYTES + 64 * 1024;

interface FormState {
	readonly base: string | null;
	readonly text: string;
	/** What the reader calls the draft; empty for "draft". */
	readonly name: string;
	readonly view: RedlineView;
}

/** The file types the form offers: every reader's on Node, text files only where there are no readers. */
const ACCEPT_DOCUMENTS =
	".docx,.pdf,.txt,.text,.htm,.html,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ACCEPT_TEXT = ".txt,.text,text/plain";

function CompareForm(props: {
	series: readonly SeriesView[];
	state: FormState;
	limits: DraftLimits;
	problem?: PageProblem;
}) {
	const { state, problem, limits } = props;
	return (
		<form
			class="compare-form"
			id="draft-form"
			method="post"
			action="/compare"
			enctype="multipart/form-data"
		>
			<MemberSelect
				id="base"
				name="base"
				label="Compare against"
				series={props.series}
				selected={state.base}
			/>
			<div class="field">
				<label for="draft-text">Draft text</label>
				<p class="hint" id="draft-text-hint">
					Paste the draft as copied from Word, a PDF or a web page: one paragraph a line, operative
					paragraphs starting with their number; up to {megabytes(limits.textBytes)}.
				</p>
				<textarea
					id="draft-text"
					name="text"
					rows={16}
					spellcheck={false}
					aria-describedby={problem ? "draft-text-hint draft-problem" : "draft-text-hint"}
					aria-invalid={problem ? "true" : undefined}
				>
					{state.text}
				</textarea>
			</div>
			<div class="field">
				<label for="draft-file">Or upload a file</label>
				<p class="hint" id="draft-file-hint">
					{fileHint(limits)}. A chosen file is used instead of the pasted text.
				</p>
				<input
					type="file"
					id="draft-file"
					name="file"
					aria-describedby="draft-file-hint"
					accept={limits.readsDocuments ? ACCEPT_DOCUMENTS : ACCEPT_TEXT}
				/>
			</div>
			<div class="field">
				<label for="draft-name">Name of the draft (optional)</label>
				<p class="hint" id="draft-name-hint">
					What the comparison calls it, such as "Zero draft, 2 March"; "draft" when left empty.
				</p>
				<input
					type="text"
					id="draft-name"
					name="name"
					maxlength={MAX_DRAFT_NAME}
					value={state.name}
					aria-describedby="draft-name-hint"
				/>
			</div>
			<ViewControls view={state.view} />
			<div class="buttons">
				<button type="submit" name="format" value="page">
					Compare
				</button>
				<button type="submit" name="format" value="docx" class="secondary">
					Download Word (.docx)
				</button>
				<button type="submit" name="format" value="md" class="secondary">
					Download Markdown (.md)
				</button>
			</div>
		</form>
	);
}

/** A draft's redline as the page shows it: both sides' names and the redline under the form's view. */
export interface ShownComparison {
	readonly from: DiffSide;
	readonly to: DiffSide;
	readonly shown: ShownRedline;
}

export function ComparePage(props: {
	series: readonly SeriesView[];
	state: FormState;
	limits: DraftLimits;
	diff?: ShownComparison;
	problem?: PageProblem;
}) {
	const { diff, problem, state } = props;
	const shown = diff?.shown ?? null;
	return (
		<Layout title={problem ? headingFor(problem.status) : "Compare a draft"} section="compare">
			<h1>Compare a draft</h1>
			<p class="lede">
				See a draft's redline against a stored member: what it adds, drops, rewords or moves.
				Nothing you send is stored.
			</p>
			{problem && (
				<div class="alert" role="alert" id="draft-problem">
					<p>
						<b>{headingFor(problem.status)}.</b> {sentence(problem.detail)}
					</p>
					{problem.known.length > 0 && <p>Stored members: {problem.known.join(", ")}.</p>}
				</div>
			)}
			{diff && shown && (
				<section aria-labelledby="result" class="result">
					<h2 id="result">
						Changes from {sideShortName(diff.from, "the stored text")} to{" "}
						{sideShortName(diff.to, "the draft")}
					</h2>
					<p id="shown" class="shown">
						Showing {shown.shown} of {shown.total} paragraphs.{" "}
						{shown.shown === 0 && shown.total > 0 && <b>{nothingShown(state.view)} </b>}
						<a href="#draft-form">Edit the draft</a>
					</p>
					<Redline html={shown.html} sideBySide={state.view.layout === "side-by-side"} />
				</section>
			)}
			<h2>{diff ? "Your draft" : "The draft"}</h2>
			<CompareForm
				series={props.series}
				state={state}
				limits={props.limits}
				{...(problem ? { problem } : {})}
			/>
		</Layout>
	);
}

export async function compareFormHandler(c: Context<AppEnv>) {
	const { chosen, all } = await chooseSeries(c.get("services"), undefined);
	const latest = chosen?.members.filter((m) => m.present).at(-1)?.symbol ?? null;
	const asked = c.req.query("base");
	return sendPage(
		c,
		<ComparePage
			series={all}
			state={{
				base: asked ? normaliseSymbol(asked) : latest,
				text: "",
				name: "",
				view: DEFAULT_VIEW,
			}}
			limits={await draftLimits()}
		/>,
	);
}

export async function compareHandler(c: Context<AppEnv>) {
	const form = await readForm(c);
	const field = (name: string) => (typeof form[name] === "string" ? form[name] : undefined);
	const { all } = await chooseSeries(c.get("services"), undefined);
	const base = field("base")?.trim() ?? "";
	const state: FormState = {
		base: base ? normaliseSymbol(base) : null,
		text: field("text") ?? "",
		name: field("name") ?? "",
		view: parseView(field),
	};
	const limits = await draftLimits();
	try {
		if (!base) throw new InvalidInputError("choose a stored member to compare the draft with");
		const file = form.file instanceof File ? form.file : null;
		const draft = await draftInput(file, field("text") ?? "");
		const format = field("format");
		const download = format === "docx" || format === "md";
		// Read, compared and rendered together where the pool runs it.
		const result = await compareDraft(
			c.get("services"),
			base,
			draft,
			download ? { kind: "represent", format, inline: false } : { kind: "view", view: state.view },
			{ deadline: c.get("deadline"), signal: c.get("stop")(), name: state.name },
		);
		if (result.kind === "represent") {
			const { body, headers } = result.represented;
			return new Response(body, { headers: { ...headers, "cache-control": "no-store" } });
		}
		if (result.kind !== "view") throw new Error("a page job answered with something else");
		return sendPage(
			c,
			<ComparePage series={all} state={state} limits={limits} diff={result} />,
			200,
			"no-store",
		);
	} catch (error) {
		if (!(error instanceof ResdiffError)) throw error;
		const problem = pageProblem(error);
		if (problem.status === 503) c.header("retry-after", String(retryAfter(error)));
		return sendPage(
			c,
			<ComparePage series={all} state={state} limits={limits} problem={problem} />,
			problem.status,
			"no-store",
		);
	}
}
