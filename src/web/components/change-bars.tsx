/**
 * The counts of one comparison as a small bar chart: new, removed, reworded
 * and moved paragraphs, each a bar (inline SVG) beside its symbol, word and
 * number. The bars of every pair share one scale, so years compare at a
 * glance; the numbers are the text, the bars only draw them.
 */
import type { DiffSummary } from "../../core/diff/index.ts";
import { MOVED_LABEL, STATUS_LABELS, type StatusLabel } from "../../render/index.ts";

export type ChartedCount = "new" | "removed" | "reworded" | "moved";

export const CHARTED: readonly { key: ChartedCount; label: StatusLabel }[] = [
	{ key: "new", label: STATUS_LABELS.new },
	{ key: "removed", label: STATUS_LABELS.removed },
	{ key: "reworded", label: STATUS_LABELS.reworded },
	{ key: "moved", label: MOVED_LABEL },
];

/** The bars' full width in SVG units. */
const WIDTH = 200;

/** The largest count any bar of these summaries draws: the chart's common scale. */
export function chartScale(summaries: readonly DiffSummary[]): number {
	return Math.max(1, ...summaries.flatMap((s) => CHARTED.map((c) => s[c.key])));
}

export function ChangeBars(props: { summary: DiffSummary; scale: number }) {
	return (
		<dl class="bars">
			{CHARTED.map(({ key, label }) => {
				const count = props.summary[key];
				const width = Math.round((count / props.scale) * WIDTH);
				return (
					<>
						<dt>
							<span aria-hidden="true">{label.symbol} </span>
							{label.word}
						</dt>
						<dd data-count={key}>
							<svg
								viewBox={`0 0 ${WIDTH} 10`}
								preserveAspectRatio="none"
								aria-hidden="true"
								focusable="false"
							>
								<rect class="bar-track" x="0" y="0" width={WIDTH} height="10" />
								<rect class={`bar-${key}`} x="0" y="0" width={width} height="10" />
							</svg>
							<span>{count}</span>
						</dd>
					</>
				);
			})}
		</dl>
	);
}
