/** The contract against the Node server over real HTTP, and a clean shutdown of `npm start`. */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/app.ts";
import { createDb } from "../../src/db/client.ts";
import { parseEnv } from "../../src/env.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { tempDataDir } from "../helpers/db.ts";
import { corpusDir, repoRoot, shippedText } from "../helpers/paths.ts";
import { seed } from "../helpers/seed.ts";
import { contract } from "./contract.ts";

const TOKEN = "node-admin-token-42c1";
const logged: string[] = [];
let server: RunningServer;

beforeAll(async () => {
	const dir = tempDataDir();
	const prepared = await createDb({ RESDIFF_DATA_DIR: dir });
	await seed(prepared.db);
	await prepared.close();
	server = await startServer({
		env: parseEnv({
			RESDIFF_DATA_DIR: dir,
			RESDIFF_CORPUS: corpusDir,
			PORT: "0",
			RESDIFF_ADMIN_TOKEN: TOKEN,
		}),
		hostname: "127.0.0.1",
		log: (line) => logged.push(line),
	});
});
afterAll(async () => {
	await server?.close();
	for (const line of logged) expect(line).not.toContain(TOKEN);
});

describe("the API over HTTP from the Node server", () => {
	contract((path, init) => fetch(`${server.url}${path}`, init), {
		adminToken: TOKEN,
		uploads: true,
	});
});

/** POSTs `body` in chunks, with no Content-Length: the size is known only as it arrives. */
function postChunked(path: string, body: string): Promise<{ status: number; text: string }> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: hostname,
				port,
				path,
				method: "POST",
				headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
			},
			(res) => {
				let text = "";
				res.on("data", (d: Buffer) => {
					text += d.toString();
				});
				res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
			},
		);
		// The server may answer 413 and close before the whole body is sent.
		req.on("error", (e: NodeJS.ErrnoException) => {
			if (e.code !== "EPIPE" && e.code !== "ECONNRESET") reject(e);
		});
		for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.slice(at, at + 64 * 1024));
		req.end();
	});
}

describe("a body sent in chunks, with no stated length", () => {
	it("is compared when under the limit", async () => {
		const body = JSON.stringify({
			base: "37/39",
			text: shippedText().replace("37/39.\tTechnical", "99/71.\tSynthetic test draft: Technical"),
		});
		const { status, text } = await postChunked("/api/compare", body);
		expect(status).toBe(200);
		expect(JSON.parse(text).summary.unchanged).toBe(53);
	});

	it("is refused with 413 once it passes the limit", async () => {
		// A short draft padded past the body limit with a field the API ignores: only the body's
		// size can refuse it.
		const body = JSON.stringify({
			base: "37/39",
			text: shippedText(),
			padding: " ".repeat(MAX_BODY_BYTES),
		});
		const { status, text } = await postChunked("/api/compare", body);
		expect(status).toBe(413);
		expect(JSON.parse(text).detail).toMatch(/2 MB/);
	});
});

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, "127.0.0.1", () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

function waitFor(child: ChildProcess, pattern: RegExp, seen: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`timed out waiting for ${pattern}: ${seen.join("")}`)),
			60_000,
		);
		child.stdout?.on("data", (d: Buffer) => {
			seen.push(d.toString());
			if (pattern.test(seen.join(""))) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once("exit", (code) => reject(new Error(`exited ${code}: ${seen.join("")}`)));
	});
}

describe("npm start", () => {
	it("prints its address, and on SIGTERM finishes the request in flight, then closes", async () => {
		const port = await freePort();
		const child = spawn(
			process.execPath,
			[join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "src/node.ts"],
			{
				cwd: repoRoot,
				env: {
					...process.env,
					DATABASE_URL: "",
					PORT: String(port),
					RESDIFF_DATA_DIR: tempDataDir(),
				},
				stdio: ["ignore", "pipe", "pipe"],
			},
		);
		const out: string[] = [];
		await waitFor(
			child,
			/listening on http:\/\/localhost:\d+[\s\S]*API reference: http:\/\/localhost:\d+\/api\/docs/,
			out,
		);
		expect(out.join("")).toContain(`http://localhost:${port}`);
		const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

		// A request whose body is still arriving is in flight when SIGTERM comes. Each step waits for
		// the one before, not for a clock: the server asks for the body (100 Continue) once it has
		// read the headers and taken the request in hand; the signal comes after that; the rest of
		// the body only once the service has said it is shutting down.
		const body = JSON.stringify({
			base: "37/39",
			text: shippedText().replace("37/39.\tTechnical", "99/70.\tSynthetic test draft: Technical"),
		});
		const shuttingDown = waitFor(child, /SIGTERM: finishing requests in flight/, []);
		// Its failure reaches the test through `answer` below, once the request asks for it.
		shuttingDown.catch(() => {});
		const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
			const req = request(
				{
					host: "127.0.0.1",
					port,
					path: "/api/compare",
					method: "POST",
					headers: {
						"content-type": "application/json",
						"content-length": Buffer.byteLength(body),
						expect: "100-continue",
					},
				},
				(res) => {
					let text = "";
					res.on("data", (d: Buffer) => {
						text += d.toString();
					});
					res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
				},
			);
			req.on("error", reject);
			req.once("continue", () => {
				req.write(body.slice(0, 1000));
				child.kill("SIGTERM");
				shuttingDown.then(() => req.end(body.slice(1000)), reject);
			});
			req.flushHeaders();
		});
		const { status, text } = await answer;
		expect(status).toBe(200);
		expect(JSON.parse(text).summary.unchanged).toBe(53);
		expect(await exited).toBe(0);
		expect(out.join("")).toContain(
			"SIGTERM: finishing requests in flight (up to 15 s), then closing the database",
		);
		// A first start creates its PGlite folder (initdb) in a process of its own: slow on a busy machine.
	}, 120_000);
});
