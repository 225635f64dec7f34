/**
 * One paragraph shown whole (not as a redline): its ref, its lead phrase in
 * italics, the body, sub-paragraphs on lines of their own and footnotes
 * beneath. Carries the id a link to it uses.
 */
import type { Child } from "hono/jsx";
import { joinLead, type Paragraph } from "../../core/model.ts";

export function ParagraphText(props: { paragraph: Paragraph }) {
	const p = props.paragraph;
	const rest = joinLead(p.lead, p.body).slice(p.lead.length);
	return (
		<p class="para-text">
			<span class="lead">{p.lead}</span>
			{rest}
			{p.subparagraphs.map((s) => (
				<>
					<br />
					{`${s.label} ${s.text}`}
				</>
			))}
		</p>
	);
}

export function ParagraphBlock(props: {
	paragraph: Paragraph;
	/** The block's id; by default the ref (`OP5`). */
	id?: string;
	/** Words and links after the ref in the label line. */
	label?: Child;
	isNew?: boolean;
}) {
	const p = props.paragraph;
	return (
		<div
			class={props.isNew ? "para new" : "para"}
			id={props.id ?? p.ref}
			data-ref={p.ref}
			data-kind={p.kind}
		>
			<p class="para-label">
				<span class="ref">{p.ref}</span>
				{props.label}
			</p>
			<ParagraphText paragraph={p} />
			{p.footnotes.length > 0 && (
				<p class="para-notes">
					{p.footnotes.map((f, i) => (
						<>
							{i > 0 && <br />}
							{`[${f.mark}] ${f.text}`}
						</>
					))}
				</p>
			)}
		</div>
	);
}
