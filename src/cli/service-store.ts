/**
 * The store through the running service's API, for commands run while the
 * service holds the PGlite folder: reads are its answers, imports are posted
 * with the per-run token from the folder's lock file, so the service sees
 * them at once and nothing opens the folder twice.
 */
import type { StructuredDiff } from "../core/diff/index.ts";
import { NotFoundError, ResdiffError } from "../core/errors.ts";
import type { Lineage } from "../core/lineage/index.ts";
import type { Resolution } from "../core/model.ts";
import { toOfficialText } from "../core/parse/official-text.ts";
import { latestPair } from "../core/series/latest.ts";
import { ConflictError, DatabaseUnavailableError } from "../db/errors.ts";
import type { LockRecord } from "../db/folder-lock.ts";
import type { ImportOutcome, ImportSource } from "../db/queries/import.ts";
import type { SearchHit } from "../db/queries/search.ts";
import type { SeriesView } from "../db/queries/series.ts";
import type { ImportReport } from "../services/import.ts";
import type { MemberSources, PhraseNewLanguage } from "../services/provenance.ts";
import type { ImportManyOptions, Store } from "./store.ts";

/** A long import of a large text is still well within this. */
const REQUEST_TIMEOUT_MS = 120_000;

/** The service answered with a problem; its detail is the message. */
export class ServiceProblemError extends ResdiffError {
	override name = "ServiceProblemError";
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

interface ProblemBody {
	readonly detail?: string;
	readonly known?: string[];
}

function toError(status: number, body: ProblemBody, what: string): ResdiffError {
	const detail = body.detail ?? `the service answered ${status}`;
	if (status === 404) return new NotFoundError(what, "", detail, body.known ?? []);
	if (status === 409) return new ConflictError(detail);
	if (status === 503) return new ServiceProblemError(503, `the service is unavailable: ${detail}`);
	return new ServiceProblemError(status, detail);
}

export function serviceStore(dir: string, lock: LockRecord): Store {
	const base = `http://127.0.0.1:${lock.port}`;
	const who = `the service (pid ${lock.pid}, port ${lock.port}) that holds ${dir}`;

	async function call<T>(path: string, what: string, init: RequestInit = {}): Promise<T> {
		let res: Response;
		try {
			res = await fetch(`${base}${path}`, {
				...init,
				headers: { accept: "application/json", ...(init.headers ?? {}) },
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
			});
		} catch (e) {
			const reason = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
			throw new DatabaseUnavailableError(
				base,
				`${who} did not answer (${reason}); is it still running?`,
			);
		}
		const body = (await res.json().catch(() => ({}))) as T & ProblemBody;
		if (!res.ok) throw toError(res.status, body, what);
		return body;
	}
	const enc = encodeURIComponent;

	async function post(source: ImportSource, options: ImportManyOptions): Promise<ImportOutcome> {
		if (!lock.token)
			throw new ResdiffError(`${who} left no token in its lock file; stop it to import`);
		return call<ImportOutcome>("/api/resolutions", "series", {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Bearer ${lock.token}` },
			body: JSON.stringify({
				// The service parses what it stores: the text in the official layout, whatever file it came from.
				text: toOfficialText(source.resolution),
				...(source.resolution.symbol ? { symbol: source.resolution.symbol } : {}),
				name: source.source.name,
				...(options.seriesId ? { series: options.seriesId } : {}),
				replace: options.replace === true,
			}),
		});
	}

	return {
		address: `${dir} (through ${who.replace(/ that holds .*$/, "")})`,
		resolution: async (symbol) =>
			(await call<{ resolution: Resolution }>(`/api/resolutions/${enc(symbol)}`, "resolution"))
				.resolution,
		diff: (from, to) =>
			call<StructuredDiff>(`/api/diff?from=${enc(from)}&to=${enc(to)}&format=json`, "resolution"),
		series: (id) => call<SeriesView>(`/api/series/${enc(id)}`, "series"),
		lineage: (id) => call<Lineage>(`/api/series/${enc(id)}/lineage`, "series"),
		newLanguage: (id, member) =>
			call<PhraseNewLanguage>(
				`/api/series/${enc(id)}/new-language?member=${enc(member)}`,
				"member",
			),
		sources: (member) =>
			call<MemberSources>(`/api/resolutions/${enc(member)}/sources?format=json`, "resolution"),
		async latest(id) {
			const series = await call<SeriesView>(`/api/series/${enc(id)}`, "series");
			const pair = latestPair(series.members);
			const diff =
				pair.latest && pair.previous
					? await call<StructuredDiff>(
							`/api/diff?from=${enc(pair.previous.symbol)}&to=${enc(pair.latest.symbol)}&format=json`,
							"resolution",
						)
					: null;
			return { seriesId: id, ...pair, diff };
		},
		search: async (phrase) =>
			(await call<{ hits: SearchHit[] }>(`/api/search?q=${enc(phrase)}`, "phrase")).hits,
		importOne: (source, options = {}) => post(source, options),
		async importMany(names, load, options = {}) {
			const reports: ImportReport[] = [];
			for (const [i, name] of names.entries()) {
				options.onProgress?.(i, names.length, name);
				try {
					reports.push({ name, ok: true, outcome: await post(await load(name), options) });
				} catch (e) {
					// The service being gone or failing stops the batch; a bad text is reported and the rest go on.
					if (!(e instanceof ResdiffError) || e instanceof DatabaseUnavailableError) throw e;
					if (e instanceof ServiceProblemError && e.status >= 500) throw e;
					const described =
						"describe" in e && typeof e.describe === "function" ? String(e.describe()) : e.message;
					reports.push({ name, ok: false, error: described });
				}
			}
			options.onProgress?.(names.length, names.length, "");
			return reports;
		},
	};
}
