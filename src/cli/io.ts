/** What a command needs from the outside world, so tests can run commands in-process. */
import type { Env } from "../env.ts";
import type { Style } from "./style.ts";

export interface CommandIO {
	readonly env: Env;
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
	readonly style: Style;
	/** Whether `style` draws colours; without them redlines mark changes with brackets. */
	readonly colour: boolean;
	/** Whether standard error is a terminal, so progress can be drawn. */
	readonly interactive: boolean;
}

/** Thrown for a malformed command line; the CLI prints usage and exits 2. */
export class UsageError extends Error {
	override name = "UsageError";
}
