/**
 * A labelled drop-down of the stored members, grouped by series, oldest
 * first; its values are the short forms the addresses use (`37-39`).
 */
import { memberKey, yearOf } from "../paths.ts";
import type { SeriesView } from "../series-choice.ts";

export function MemberSelect(props: {
	id: string;
	name: string;
	label: string;
	series: readonly SeriesView[];
	/** The full symbol to preselect. */
	selected?: string | null | undefined;
}) {
	return (
		<div class="field">
			<label for={props.id}>{props.label}</label>
			<select id={props.id} name={props.name}>
				{props.series
					.filter((s) => s.members.some((m) => m.present))
					.map((s) => (
						<optgroup label={s.title}>
							{s.members
								.filter((m) => m.present)
								.map((m) => (
									<option value={memberKey(m.symbol)} selected={m.symbol === props.selected}>
										{`${m.number} (${yearOf(m.adopted)})`}
									</option>
								))}
						</optgroup>
					))}
			</select>
		</div>
	);
}

/** The stored members of all series, oldest first within each. */
export function storedSymbols(series: readonly SeriesView[]): string[] {
	return series.flatMap((s) => s.members.filter((m) => m.present).map((m) => m.symbol));
}
