/**
 * A paragraph's text as its spans cut it: new wording in a <mark> (with a
 * visually hidden "new wording:" before it, since screen readers do not
 * announce a mark), kept wording plain, with where it came from as a tooltip.
 */
import type { PhraseSpan } from "../../core/novelty/index.ts";
import { shortSymbol } from "../../core/novelty/index.ts";

function keptTitle(s: PhraseSpan): string | undefined {
	const from = s.source ? `from ${shortSymbol(s.source.symbol)} ${s.source.ref}` : null;
	const first = s.first ? `first in ${shortSymbol(s.first.symbol)} ${s.first.ref}` : null;
	const parts = [from, first].filter(Boolean);
	return parts.length > 0 ? parts.join("; ") : undefined;
}

/** Text with line breaks kept: sub-paragraphs stand on lines of their own. */
function Lines(props: { text: string }) {
	const lines = props.text.split("\n");
	return (
		<>
			{lines.map((line, i) => (
				<>
					{i > 0 && <br />}
					{line}
				</>
			))}
		</>
	);
}

export function SpannedText(props: { spans: readonly PhraseSpan[] }) {
	return (
		<p class="para-text spanned">
			{props.spans.map((s) =>
				s.status === "new" ? (
					<>
						<span class="visually-hidden">new wording: </span>
						<mark
							class="new-phrase"
							title={
								s.first
									? `new to the series; first in ${shortSymbol(s.first.symbol)} ${s.first.ref}`
									: "new to the series"
							}
						>
							<Lines text={s.text} />
						</mark>
					</>
				) : (
					<span class="kept" title={keptTitle(s)}>
						<Lines text={s.text} />
					</span>
				),
			)}
		</p>
	);
}
