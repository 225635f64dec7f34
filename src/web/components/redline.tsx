/**
 * A redline rendered by src/render (renderHtml) placed in a page. Its HTML
 * is built there with every text and attribute escaped, so it goes in as is;
 * nothing else may be passed here.
 */
export function Redline(props: {
	html: string;
	id?: string;
	sideBySide?: boolean;
	swap?: boolean;
}) {
	return (
		<div
			id={props.id}
			class={props.sideBySide ? "redline-wrap sbs" : "redline-wrap"}
			data-swap={props.swap ? "" : undefined}
			dangerouslySetInnerHTML={{ __html: props.html }}
		/>
	);
}
