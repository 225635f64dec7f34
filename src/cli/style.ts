/**
 * Terminal styling: colours only when writing to a terminal that wants them
 * (NO_COLOR and FORCE_COLOR are honoured).
 */

export interface Style {
	bold(s: string): string;
	dim(s: string): string;
	red(s: string): string;
	green(s: string): string;
	yellow(s: string): string;
	cyan(s: string): string;
	strike(s: string): string;
	underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const colour: Style = {
	bold: wrap(1, 22),
	dim: wrap(2, 22),
	red: wrap(31, 39),
	green: wrap(32, 39),
	yellow: wrap(33, 39),
	cyan: wrap(36, 39),
	strike: wrap(9, 29),
	underline: wrap(4, 24),
};

const id = (s: string) => s;
const plain: Style = {
	bold: id,
	dim: id,
	red: id,
	green: id,
	yellow: id,
	cyan: id,
	strike: id,
	underline: id,
};

/** Whether to draw colours on a stream: on a TTY unless NO_COLOR is set, or when FORCE_COLOR asks. */
export function wantsColour(
	stream: { isTTY?: boolean },
	env: Record<string, string | undefined>,
): boolean {
	if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return true;
	if (env.NO_COLOR) return false;
	return stream.isTTY === true;
}

export { colour as colourStyle, plain as plainStyle };
