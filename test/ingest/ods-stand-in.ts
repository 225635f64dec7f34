/**
 * A stand-in for the UN Official Document System on loopback, for the
 * fetcher's tests: it answers `/api/symbol/access?s=&l=&t=` from a script
 * per symbol and type, and misbehaves on cue (a status, a page of HTML with
 * status 200, an answer slower than the client's patience, a body cut
 * short, a request held without an answer). It records every request and
 * how many were in flight at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Answer =
	| { readonly kind: "file"; readonly bytes: Uint8Array; readonly contentType: string }
	| { readonly kind: "status"; readonly status: number }
	/** What the real service sends for an unknown symbol: a web page, status 200. */
	| { readonly kind: "html" }
	/** Never answers: holds the request open, and tells `onHold`, until the client gives up. */
	| { readonly kind: "hold" }
	/** Promises the whole file, sends half of it, and drops the connection. */
	| { readonly kind: "truncated"; readonly bytes: Uint8Array; readonly contentType: string };

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface Request {
	readonly symbol: string;
	readonly type: string;
	readonly language: string;
}

export class OdsStandIn {
	readonly requests: Request[] = [];
	maxInFlight = 0;
	private inFlight = 0;
	private readonly scripts = new Map<string, Answer[]>();
	/** Called once a request is being held without an answer. */
	onHold: () => void = () => {};
	private server: Server | null = null;
	url = "";

	/** Answers for a symbol and type, in order; the last one repeats. Unscripted requests get 404. */
	script(symbol: string, type: "docx" | "pdf", ...answers: Answer[]): this {
		this.scripts.set(`${symbol} ${type}`, answers);
		return this;
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => this.handle(req, res));
		await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this;
	}

	async close(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const url = new URL(req.url ?? "/", "http://stand-in");
		if (url.pathname !== "/api/symbol/access") {
			res.writeHead(404).end();
			return;
		}
		const request = {
			symbol: url.searchParams.get("s") ?? "",
			type: url.searchParams.get("t") ?? "",
			language: url.searchParams.get("l") ?? "",
		};
		this.requests.push(request);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		res.on("close", () => {
			this.inFlight--;
		});
		const key = `${request.symbol} ${request.type}`;
		const queue = this.scripts.get(key) ?? [{ kind: "status", status: 404 }];
		const answer = queue.length > 1 ? (queue.shift() as Answer) : (queue[0] as Answer);
		this.answer(answer, res);
	}

	private answer(answer: Answer, res: ServerResponse): void {
		switch (answer.kind) {
			case "file":
				res.writeHead(200, {
					"content-type": answer.contentType,
					"content-length": answer.bytes.length,
				});
				res.end(answer.bytes);
				break;
			case "status":
				res
					.writeHead(answer.status, { "content-type": "text/plain" })
					.end(`status ${answer.status}`);
				break;
			case "html":
				res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
				res.end(
					"<!DOCTYPE html><html><body><h1>Official Document System (stand-in)</h1><p>No document.</p></body></html>",
				);
				break;
			case "hold":
				this.onHold();
				break;
			case "truncated":
				res.writeHead(200, {
					"content-type": answer.contentType,
					"content-length": answer.bytes.length,
				});
				res.write(answer.bytes.subarray(0, Math.floor(answer.bytes.length / 2)), () =>
					res.destroy(),
				);
				break;
		}
	}
}
