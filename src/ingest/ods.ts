/**
 * The UN Official Document System as a download service: one document by
 * symbol, language and type (`/api/symbol/access?s=A/HRC/RES/37/39&l=en&t=docx`).
 * A request is retried, with a growing pause, when the answer is a server
 * error (5xx or 429), when it times out, or when the connection drops or the
 * body arrives cut short; an unknown symbol is answered with status 200 and
 * an HTML page, which the caller tells from a document by its bytes. A
 * network that cannot be reached at all is reported as such, so the caller
 * can stop and say what to do instead.
 */
import { MAX_DOCUMENT_BYTES, megabytes } from "./limits.ts";

export type DocumentType = "docx" | "pdf";

export interface DownloadOptions {
	/** How long one attempt may take, headers and body together, in milliseconds. */
	readonly timeoutMs: number;
	/** Further attempts after the first, on errors worth retrying. */
	readonly retries: number;
	/** The pause before the first retry; it doubles for each one after. */
	readonly backoffMs: number;
	readonly maxBytes?: number;
	/** Called before an attempt is retried, with what went wrong and how long the pause is. */
	readonly onRetry?: (reason: string, waitMs: number, attempt: number) => void;
	/** Called as the body arrives. */
	readonly onBytes?: (received: number, total: number | null) => void;
	/** Waits; tests and the CLI share the real one. */
	readonly sleep?: (ms: number) => Promise<void>;
	/**
	 * The signal that ends one attempt: by default it fires after `timeoutMs`.
	 * Tests pass one they fire themselves, so a timeout happens when they say.
	 */
	readonly attemptSignal?: (timeoutMs: number) => AbortSignal;
}

export type Download =
	| {
			readonly kind: "ok";
			readonly url: string;
			readonly bytes: Uint8Array;
			readonly contentType: string | null;
	  }
	| { readonly kind: "not-found"; readonly url: string; readonly status: number }
	| { readonly kind: "failed"; readonly url: string; readonly reason: string }
	| { readonly kind: "unreachable"; readonly url: string; readonly reason: string };

/** Error codes that mean the host cannot be reached at all (no network, no DNS, nothing listening). */
const UNREACHABLE = new Set([
	"ECONNREFUSED",
	"ENOTFOUND",
	"EAI_AGAIN",
	"EAI_FAIL",
	"ENETUNREACH",
	"ENETDOWN",
	"EHOSTUNREACH",
	"EHOSTDOWN",
]);

/**
 * The document's address at the service. Slashes in the symbol stay as
 * they are, as the service's own links write them.
 */
export function documentUrl(base: string, symbol: string, type: DocumentType): string {
	const s = encodeURIComponent(symbol).replaceAll("%2F", "/");
	return `${base.replace(/\/+$/, "")}/api/symbol/access?s=${s}&l=en&t=${type}`;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The error code deepest in a fetch failure's causes. */
function errorCode(e: unknown): string | null {
	let at: unknown = e;
	for (let depth = 0; at && depth < 5; depth++) {
		const code = (at as { code?: unknown }).code;
		if (typeof code === "string") return code;
		at = (at as { cause?: unknown }).cause;
	}
	return null;
}

type Attempt = Download | { readonly kind: "retry"; readonly reason: string };

async function readBody(
	response: Response,
	maxBytes: number,
	onBytes: DownloadOptions["onBytes"],
): Promise<Uint8Array | string> {
	const declared = Number(response.headers.get("content-length") ?? Number.NaN);
	const total = Number.isFinite(declared) ? declared : null;
	if (total !== null && total > maxBytes) {
		await response.body?.cancel();
		return `the document is ${megabytes(total)}, over the ${megabytes(maxBytes)} limit`;
	}
	const chunks: Uint8Array[] = [];
	let received = 0;
	const reader = response.body?.getReader();
	if (reader) {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			received += value.length;
			if (received > maxBytes) {
				await reader.cancel();
				return `the document is over the ${megabytes(maxBytes)} limit`;
			}
			chunks.push(value);
			onBytes?.(received, total);
		}
	}
	if (total !== null && received < total) {
		throw Object.assign(new Error(`body cut short: ${received} of ${total} bytes`), {
			code: "TRUNCATED",
		});
	}
	const bytes = new Uint8Array(received);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.length;
	}
	return bytes;
}

async function attempt(url: string, options: DownloadOptions): Promise<Attempt> {
	let response: Response;
	try {
		response = await fetch(url, {
			signal: (options.attemptSignal ?? AbortSignal.timeout)(options.timeoutMs),
			redirect: "follow",
			headers: {
				accept:
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/pdf;q=0.9, */*;q=0.1",
				"user-agent": "resdiff (fetches UN resolutions by symbol; one request at a time)",
			},
		});
		if (response.status === 404 || response.status === 410) {
			await response.body?.cancel();
			return { kind: "not-found", url, status: response.status };
		}
		if (response.status >= 500 || response.status === 429) {
			await response.body?.cancel();
			return { kind: "retry", reason: `the server answered ${response.status}` };
		}
		if (!response.ok) {
			await response.body?.cancel();
			return { kind: "failed", url, reason: `the server answered ${response.status}` };
		}
		const body = await readBody(response, options.maxBytes ?? MAX_DOCUMENT_BYTES, options.onBytes);
		if (typeof body === "string") return { kind: "failed", url, reason: body };
		return { kind: "ok", url, bytes: body, contentType: response.headers.get("content-type") };
	} catch (e) {
		const name = (e as { name?: string })?.name;
		if (name === "TimeoutError" || name === "AbortError") {
			return { kind: "retry", reason: `no complete answer within ${options.timeoutMs / 1000} s` };
		}
		const code = errorCode(e);
		if (code && UNREACHABLE.has(code)) return { kind: "unreachable", url, reason: code };
		const detail = code ?? (e as Error)?.message ?? String(e);
		return { kind: "retry", reason: `the connection failed (${detail})` };
	}
}

/**
 * Downloads one document, retrying what is worth retrying.
 *
 * @example
 * await download(documentUrl("https://documents.un.org", "A/HRC/RES/37/39", "docx"), { timeoutMs: 60_000, retries: 3, backoffMs: 2_000 })
 */
export async function download(url: string, options: DownloadOptions): Promise<Download> {
	const wait = options.sleep ?? sleep;
	let last: Attempt | null = null;
	for (let n = 0; n <= options.retries; n++) {
		if (last) {
			const pause = options.backoffMs * 2 ** (n - 1);
			options.onRetry?.(
				last.kind === "retry" || last.kind === "unreachable" ? last.reason : "",
				pause,
				n,
			);
			await wait(pause);
		}
		const result = await attempt(url, options);
		if (result.kind !== "retry" && result.kind !== "unreachable") return result;
		last = result;
	}
	if (last?.kind === "unreachable") return last;
	return {
		kind: "failed",
		url,
		reason: `${last?.kind === "retry" ? last.reason : "no answer"} (${options.retries + 1} attempts)`,
	};
}
