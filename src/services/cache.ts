/**
 * What the service keeps in memory for a few seconds: stored members and
 * comparisons (so a
 * popular diff is not read back from the database on every request) and the
 * bytes of answers made from them (so they are not rendered again). Bounded;
 * cleared whenever this process imports anything; and short-lived, because
 * another process (a CLI import against the same PostgreSQL) may change what
 * is stored.
 */
import { LRUCache } from "lru-cache";
import type { PairingDecision, StructuredDiff } from "../core/diff/index.ts";
import type { StoredSide } from "../db/queries/comparisons.ts";

/** How long anything remembered is trusted without asking the database. */
export const MEMORY_TTL_MS = 5_000;
/** Most comparisons remembered at once. */
export const MEMORY_DIFFS = 256;
/** Most bytes of rendered answers remembered at once. */
export const MEMORY_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Most stored members remembered at once (with their paragraphs). */
export const MEMORY_MEMBERS = 64;
/**
 * Most members kept with their fingerprint for comparisons made anew. These
 * stay until an import clears them (no expiry), so fewer: a comparison needs
 * two, and a few pairs asked over and over is the case they serve.
 */
export const MEMORY_FINGERPRINTED = 16;

/** Two stored members, the reviewers' decisions about them, and the version of their comparison. */
export interface CachedPair {
	readonly from: StoredSide;
	readonly to: StoredSide;
	readonly decided: readonly { readonly id: number }[];
	readonly decisions: readonly PairingDecision[];
	readonly version: string;
}

export interface FingerprintedMember {
	readonly fingerprint: string;
	readonly member: StoredSide;
}

export interface CachedDiff {
	readonly diff: StructuredDiff;
	readonly version: string;
}

/** A rendered answer: its bytes, headers and strong entity tag. */
export interface CachedResponse {
	readonly body: Uint8Array<ArrayBuffer> | ArrayBuffer;
	readonly headers: Readonly<Record<string, string>>;
	readonly etag: string;
}

export interface MemoryOptions {
	/** The clock the expiry reads, in milliseconds; tests pass one they move themselves. */
	readonly now?: () => number;
}

export class MemoryCache {
	readonly diffs: LRUCache<string, CachedDiff>;
	readonly responses: LRUCache<string, CachedResponse>;
	/** Stored members as loaded for a comparison: a draft's base is not read back from the database on every request. */
	readonly members: LRUCache<string, StoredSide>;
	/** Member pairs with their decisions, for comparisons made anew. */
	readonly pairs: LRUCache<string, CachedPair>;
	/**
	 * Stored members as last loaded, with the fingerprint of what was stored
	 * then: a comparison made anew asks the database only for the fingerprint,
	 * and reads the member again only when it differs. No expiry: the
	 * fingerprint, not the clock, says whether it is still what is stored.
	 */
	readonly fingerprinted: LRUCache<string, FingerprintedMember>;

	constructor(options: MemoryOptions = {}) {
		// A given clock is read on every look (no resolution caching), so it alone decides expiry.
		const clock = options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {};
		this.diffs = new LRUCache<string, CachedDiff>({
			max: MEMORY_DIFFS,
			ttl: MEMORY_TTL_MS,
			...clock,
		});
		this.members = new LRUCache<string, StoredSide>({
			max: MEMORY_MEMBERS,
			ttl: MEMORY_TTL_MS,
			...clock,
		});
		this.pairs = new LRUCache<string, CachedPair>({
			max: MEMORY_MEMBERS,
			ttl: MEMORY_TTL_MS,
			...clock,
		});
		this.fingerprinted = new LRUCache<string, FingerprintedMember>({
			max: MEMORY_FINGERPRINTED,
		});
		this.responses = new LRUCache<string, CachedResponse>({
			maxSize: MEMORY_RESPONSE_BYTES,
			ttl: MEMORY_TTL_MS,
			sizeCalculation: (r) => Math.max(1, r.body.byteLength),
			...clock,
		});
	}

	/** Forgets everything: what is stored has changed. */
	clear(): void {
		this.diffs.clear();
		this.responses.clear();
		this.members.clear();
		this.pairs.clear();
		this.fingerprinted.clear();
	}
}
