/**
 * The service as a real process, as users start it: `npm start` (the
 * compiled bundle, scripts/start.mjs) or the sources through tsx, on a free
 * port, with the environment given; stopped with SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { serviceFlags } from "../../scripts/service-flags.mjs";
import { repoRoot } from "./paths.ts";

export interface ServiceProcess {
	readonly url: string;
	readonly child: ChildProcess;
	/** Everything it printed so far. */
	output(): string;
	stop(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, "127.0.0.1", () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

export async function startService(
	env: Record<string, string>,
	how: "built" | "source" = "built",
): Promise<ServiceProcess> {
	const port = await freePort();
	const args =
		how === "built"
			? [...serviceFlags(), join(repoRoot, "scripts/start.mjs")]
			: [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "src/node.ts"];
	const child = spawn(process.execPath, args, {
		cwd: repoRoot,
		env: { ...process.env, DATABASE_URL: "", ...env, PORT: String(port) },
		stdio: ["ignore", "pipe", "pipe"],
	});
	const seen: string[] = [];
	child.stdout?.on("data", (d: Buffer) => seen.push(d.toString()));
	child.stderr?.on("data", (d: Buffer) => seen.push(d.toString()));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`the service did not start: ${seen.join("")}`)),
			90_000,
		);
		const check = () => {
			if (/listening on/.test(seen.join(""))) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on("data", check);
		child.once("exit", (code) => {
			clearTimeout(timer);
			reject(new Error(`the service exited ${code}: ${seen.join("")}`));
		});
	});
	const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
	return {
		url: `http://127.0.0.1:${port}`,
		child,
		output: () => seen.join(""),
		async stop() {
			if (child.exitCode === null) child.kill("SIGTERM");
			await exited;
		},
	};
}
