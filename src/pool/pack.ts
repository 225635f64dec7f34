/**
 * Jobs as they cross to a worker thread. A stored resolution is an object of
 * thousands of small parts, and copying one structured-clone style on every
 * request was the main thread's largest cost under compare load (piscina's
 * postTask, more than the workers' comparing). So a resolution crosses as its
 * JSON text, made once per loaded object and written once into shared
 * memory, which a message only points to (a string would be copied on every
 * request: with comparisons made anew that copy was again postTask's largest
 * cost). The worker decodes and parses it only when it has not already, and
 * keeps the last few it parsed by key, so the same stored member is parsed
 * once per thread, not once per request.
 */
import type { Resolution } from "../core/model.ts";
import type { Job } from "../services/jobs.ts";

/** A resolution as it crosses: its JSON text as UTF-8 in shared memory, and a key that names that text. */
export interface PackedResolution {
	readonly key: string;
	readonly utf8: SharedArrayBuffer;
}

export type PackedJob =
	| (Omit<Extract<Job, { kind: "draft" }>, "base"> & { readonly base: PackedResolution })
	| (Omit<Extract<Job, { kind: "pair" }>, "from" | "to"> & {
			readonly from: PackedResolution;
			readonly to: PackedResolution;
	  });

/** Texts made so far, by the object they were made from: loaded members are reused while remembered. */
const made = new WeakMap<Resolution, PackedResolution>();
let counter = 0;

/** The resolution's JSON text, made once per object; its key is unique in this process. */
export function packResolution(resolution: Resolution): PackedResolution {
	let packed = made.get(resolution);
	if (!packed) {
		counter += 1;
		const bytes = new TextEncoder().encode(JSON.stringify(resolution));
		const utf8 = new SharedArrayBuffer(bytes.byteLength);
		new Uint8Array(utf8).set(bytes);
		packed = { key: `${process.pid}:${counter}`, utf8 };
		made.set(resolution, packed);
	}
	return packed;
}

export function packJob(job: Job): PackedJob {
	return job.kind === "draft"
		? { ...job, base: packResolution(job.base) }
		: { ...job, from: packResolution(job.from), to: packResolution(job.to) };
}

/** How many parsed resolutions a worker keeps: a few stored members are compared over and over. */
const PARSED_KEPT = 16;

/** The worker's side: parsed resolutions by key, the most recently used last. */
export class ParsedResolutions {
	private readonly parsed = new Map<string, Resolution>();

	get(packed: PackedResolution): Resolution {
		let resolution = this.parsed.get(packed.key);
		if (resolution) this.parsed.delete(packed.key);
		// TextDecoder refuses shared memory: a private copy is decoded.
		else
			resolution = JSON.parse(
				new TextDecoder().decode(new Uint8Array(packed.utf8).slice()),
			) as Resolution;
		this.parsed.set(packed.key, resolution);
		const oldest = this.parsed.keys().next().value;
		if (this.parsed.size > PARSED_KEPT && oldest !== undefined) this.parsed.delete(oldest);
		return resolution;
	}

	unpack(job: PackedJob): Job {
		return job.kind === "draft"
			? { ...job, base: this.get(job.base) }
			: { ...job, from: this.get(job.from), to: this.get(job.to) };
	}
}
