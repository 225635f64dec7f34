/**
 * The redline's layout and filters as form fields: radio buttons for inline
 * or side by side, check boxes for the filters. Plain form fields, so they
 * work as query parameters without JavaScript.
 */
import type { RedlineView } from "../redline-view.ts";

function Radio(props: { name: string; value: string; checked: boolean; label: string }) {
	return (
		<label class="choice">
			<input type="radio" name={props.name} value={props.value} checked={props.checked} />
			{props.label}
		</label>
	);
}

function Check(props: { name: string; value: string; checked: boolean; label: string }) {
	return (
		<label class="choice">
			<input type="checkbox" name={props.name} value={props.value} checked={props.checked} />
			{props.label}
		</label>
	);
}

export function ViewControls(props: { view: RedlineView }) {
	const { view } = props;
	return (
		<>
			<fieldset>
				<legend>Layout</legend>
				<Radio name="layout" value="inline" checked={view.layout === "inline"} label="Inline" />
				<Radio
					name="layout"
					value="side-by-side"
					checked={view.layout === "side-by-side"}
					label="Side by side"
				/>
			</fieldset>
			<fieldset>
				<legend>Show</legend>
				<Check
					name="only"
					value="changes"
					checked={view.onlyChanges}
					label="Only changed paragraphs"
				/>
				<Check
					name="kind"
					value="operative"
					checked={view.kind === "operative"}
					label="Operative paragraphs only"
				/>
				<Check
					name="routine"
					value="hide"
					checked={view.routine === "omitted"}
					label="Hide routine updates"
				/>
			</fieldset>
		</>
	);
}
