/**
 * The CPU-heavy work of a request as one plain job: read a draft, compare two
 * texts, render the answer. A job and its result are plain data, so the same
 * job runs in this thread (Workers, tests) or in a worker thread of a pool
 * (Node, see src/pool/), and neither side needs the other's objects.
 */

import type { PairingDecision } from "../core/diff/index.ts";
import { compare, type DiffSide, type StructuredDiff } from "../core/diff/index.ts";
import type { Resolution } from "../core/model.ts";
import type { DiffFormat } from "../http/negotiate.ts";
import { type Represented, represent } from "../http/represent.ts";
import { type RedlineView, renderView, type ShownRedline } from "../web/redline-view.ts";
import { asDraft, readDraft } from "./drafts.ts";

/** A draft as it arrived: an uploaded file's bytes, or text. */
export type DraftInput =
	| {
			readonly file: { readonly bytes: Uint8Array; readonly name: string };
			readonly text?: undefined;
	  }
	| { readonly text: string; readonly file?: undefined };

/** What a job answers with. */
export type JobOutput =
	/** The structured diff itself (to store it, say). */
	| { readonly kind: "diff" }
	/** The diff as a response body in a format: the API's answer. */
	| { readonly kind: "represent"; readonly format: DiffFormat; readonly inline: boolean }
	/** The redline under a page's view: the /compare page's answer. */
	| { readonly kind: "view"; readonly view: RedlineView };

export type Job =
	| {
			readonly kind: "draft";
			readonly base: Resolution;
			readonly draft: DraftInput;
			/** What the draft is called; "draft" when unset. */
			readonly name?: string;
			/** Date.now() value after which redlines are no longer worked out (see compare()). */
			readonly deadline?: number;
			readonly output: JobOutput;
	  }
	| {
			readonly kind: "pair";
			readonly from: Resolution;
			readonly to: Resolution;
			readonly decisions: readonly PairingDecision[];
			readonly deadline?: number;
			readonly output: JobOutput;
	  };

export type JobResult =
	| { readonly kind: "diff"; readonly diff: StructuredDiff }
	| { readonly kind: "represent"; readonly represented: Represented }
	| {
			readonly kind: "view";
			readonly from: DiffSide;
			readonly to: DiffSide;
			readonly shown: ShownRedline;
	  };

/** The comparison's date: the newer text's adoption, else today. */
export function comparisonDate(diff: StructuredDiff): string {
	return diff.to.date ?? new Date().toISOString().slice(0, 10);
}

async function draftOf(input: DraftInput): Promise<Resolution> {
	if (input.file) {
		const { bytes, name } = input.file;
		return readDraft(new File([bytes as Uint8Array<ArrayBuffer>], name), "");
	}
	return readDraft(null, input.text);
}

/** Runs a job in this thread. */
export async function runJob(job: Job): Promise<JobResult> {
	const deadline = job.deadline === undefined ? {} : { deadline: job.deadline };
	const diff =
		job.kind === "draft"
			? asDraft(compare(job.base, await draftOf(job.draft), deadline), job.name)
			: compare(job.from, job.to, { decisions: job.decisions, ...deadline });
	const output = job.output;
	if (output.kind === "diff") return { kind: "diff", diff };
	if (output.kind === "represent") {
		const represented = await represent(diff, output.format, {
			inlineStyles: output.inline,
			date: comparisonDate(diff),
		});
		return { kind: "represent", represented };
	}
	return { kind: "view", from: diff.from, to: diff.to, shown: renderView(diff, output.view) };
}

/** An error as plain data, to cross from a worker thread. */
export interface WireError {
	readonly name: string;
	readonly message: string;
	readonly fields: Record<string, unknown>;
}

export function toWire(error: unknown): WireError {
	if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
	const fields: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(error)) if (k !== "name" && k !== "message") fields[k] = v;
	return { name: error.name, message: error.message, fields };
}

/**
 * The error a worker thread reported, as the class it was thrown as (so the
 * transports map it to the same status), keeping its fields.
 */
export async function fromWire(wire: WireError): Promise<Error> {
	const errors = await import("../core/errors.ts");
	const { UnreadableDocumentError } = await import("../ingest/errors.ts");
	const classes: Record<string, { prototype: Error }> = {
		ResdiffError: errors.ResdiffError,
		ParseError: errors.ParseError,
		NotFoundError: errors.NotFoundError,
		LimitError: errors.LimitError,
		ConfigError: errors.ConfigError,
		InvalidInputError: errors.InvalidInputError,
		UnsupportedFormatError: errors.UnsupportedFormatError,
		UnreadableDocumentError,
	};
	const proto = classes[wire.name]?.prototype;
	// A bug in the worker stays a plain Error: it is answered 500 and logged, as in this thread.
	const error: Error = proto ? Object.create(proto) : new Error(wire.message);
	Object.assign(error, wire.fields, { message: wire.message, name: wire.name });
	return error;
}
