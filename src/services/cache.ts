/**
 * Comparisons kept in memory for a few seconds, so a popular diff is not read
 * back from the database on every request. Bounded in entries; cleared when
 * this process imports anything; and short-lived, because another process
 * (a CLI import against the same PostgreSQL) may change what is stored.
 */
import { LRUCache } from "lru-cache";
import type { StructuredDiff } from "../core/diff/index.ts";

/** How long a remembered comparison is trusted without asking the database. */
export const DIFF_CACHE_TTL_MS = 5_000;
/** Most comparisons remembered at once. */
export const DIFF_CACHE_ENTRIES = 256;

export interface CachedDiff {
	readonly diff: StructuredDiff;
	readonly version: string;
}

export function createDiffCache(): LRUCache<string, CachedDiff> {
	return new LRUCache<string, CachedDiff>({ max: DIFF_CACHE_ENTRIES, ttl: DIFF_CACHE_TTL_MS });
}

export type DiffCache = ReturnType<typeof createDiffCache>;
