/**
 * The reviewer's part of the diff page: the decisions already made on this
 * pair, and a form to pair, unpair or re-pair paragraphs. The form asks for
 * the admin token each time (it is never stored in the page or a cookie);
 * without JavaScript it posts and comes back to the page.
 */
import type { Decision } from "../../services/review.ts";
import { shortName } from "../paths.ts";

export interface ReviewPrefill {
	readonly action: "pair" | "unpair";
	readonly old: string;
	readonly new: string;
}

function DecisionItem(props: { decision: Decision; action: string }) {
	const d = props.decision;
	const what = d.action === "pair" ? "paired" : "unpaired";
	return (
		<li data-decision={d.id} data-holds={String(d.holds)}>
			{shortName(d.from)} {d.old.join(" + ")} and {shortName(d.to)} {d.new.join(" + ")} {what}
			{d.note ? ` (${d.note})` : ""}, {d.decidedAt.slice(0, 10)}
			{!d.holds && <em> — no longer holds: a text changed since</em>}
			<form method="post" action={props.action} class="inline-form">
				<input type="hidden" name="withdraw" value={String(d.id)} />
				<label>
					Admin token <input type="password" name="token" autocomplete="off" required />
				</label>
				<button type="submit">Withdraw</button>
			</form>
		</li>
	);
}

export function ReviewSection(props: {
	readonly from: string;
	readonly to: string;
	readonly action: string;
	readonly decisions: readonly Decision[];
	readonly prefill: ReviewPrefill | null;
}) {
	const { from, to } = props;
	const p = props.prefill;
	return (
		<section id="review" class="review" aria-labelledby="review-heading">
			<h2 id="review-heading">Review the pairing</h2>
			<p class="hint">
				Where the engine paired paragraphs that are not one, or left apart two that are, a reviewer
				with the admin token can decide. The comparison, the lineage and the new language follow the
				decision until either text changes.
			</p>
			{props.decisions.length > 0 && (
				<ul class="decisions">
					{props.decisions.map((d) => (
						<DecisionItem decision={d} action={props.action} />
					))}
				</ul>
			)}
			<form method="post" action={props.action} class="review-form">
				<fieldset>
					<legend>Decision</legend>
					<label>
						<input type="radio" name="action" value="pair" checked={p?.action !== "unpair"} /> These
						paragraphs are one (pair, or re-pair)
					</label>
					<label>
						<input type="radio" name="action" value="unpair" checked={p?.action === "unpair"} />{" "}
						These paragraphs are not one (unpair)
					</label>
				</fieldset>
				<div class="field">
					<label for="review-old">Paragraphs of {shortName(from)}</label>
					<input id="review-old" name="old" value={p?.old ?? ""} placeholder="OP25" required />
				</div>
				<div class="field">
					<label for="review-new">Paragraphs of {shortName(to)}</label>
					<input id="review-new" name="new" value={p?.new ?? ""} placeholder="OP30" required />
				</div>
				<p class="hint">Several refs on one side, separated by spaces, make a merge or a split.</p>
				<div class="field">
					<label for="review-note">Why (optional)</label>
					<input id="review-note" name="note" maxlength={500} />
				</div>
				<div class="field">
					<label for="review-token">Admin token</label>
					<input id="review-token" type="password" name="token" autocomplete="off" required />
				</div>
				<button type="submit">Record the decision</button>
			</form>
		</section>
	);
}
