/** The lineage picture's key: each state's colour, symbol, word and meaning. */
import { MOVED_LABEL } from "../../render/index.ts";
import { CELL_STATES, LEGEND_ORDER } from "../lineage-marks.ts";

export function Legend() {
	return (
		<ul class="legend" aria-label="Key">
			{LEGEND_ORDER.map((state) => (
				<li>
					<span class={`swatch ln-${state}`} aria-hidden="true">
						{CELL_STATES[state].symbol}
					</span>
					<span>
						<b>{CELL_STATES[state].word}</b>: {CELL_STATES[state].means}
					</span>
				</li>
			))}
			<li>
				<span class="swatch ln-unchanged cell-moved" aria-hidden="true">
					{MOVED_LABEL.symbol}
				</span>
				<span>
					<b>{MOVED_LABEL.word}</b> (added to any of these): its place in the order changed
				</span>
			</li>
			<li>
				<span class="swatch ln-reworded" aria-hidden="true">
					▲ ▼
				</span>
				<span>
					<b>Lead stronger or weaker</b>: the operative verb's force changed
				</span>
			</li>
		</ul>
	);
}
