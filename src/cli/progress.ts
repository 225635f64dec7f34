/** A one-line progress bar on standard error, drawn only on a terminal. */

export interface Progress {
	update(done: number, total: number, label: string): void;
	finish(): void;
}

const WIDTH = 24;

export function progressBar(write: (text: string) => void, interactive: boolean): Progress {
	let drawn = false;
	return {
		update(done, total, label) {
			if (!interactive || total === 0) return;
			const filled = Math.round((done / total) * WIDTH);
			write(
				`\r[${"#".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
			);
			drawn = true;
		},
		finish() {
			if (drawn) write(`\r${" ".repeat(WIDTH + 52)}\r`);
			drawn = false;
		},
	};
}
