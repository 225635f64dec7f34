/**
 * "This year against last year": the latest stored member of a series and
 * the stored member before it, from the manifest's list (in order of
 * adoption) and which members are stored.
 */

export interface LatestPair<M> {
	/** The last listed member that is stored; null when none is. */
	readonly latest: M | null;
	/** The stored member before it; null when it is the only one. */
	readonly previous: M | null;
	/** Listed members between the two that are not stored: their comparison skips them. */
	readonly skipped: readonly M[];
	/** Listed members after the latest stored one, not stored yet: "this year" may be later. */
	readonly newer: readonly M[];
	/**
	 * What to get to have a pair to compare when there is none: the member
	 * listed just before the latest stored one, else the one just after.
	 */
	readonly toFetch: M | null;
}

/**
 * @example
 * latestPair([{ n: "34/39", present: true }, { n: "37/39", present: true }, { n: "40/26", present: false }])
 * // latest 37/39, previous 34/39, newer [40/26]
 */
export function latestPair<M extends { readonly present: boolean }>(
	members: readonly M[],
): LatestPair<M> {
	const at = members.findLastIndex((m) => m.present);
	if (at < 0) return { latest: null, previous: null, skipped: [], newer: [], toFetch: null };
	const before = members.slice(0, at).findLastIndex((m) => m.present);
	const latest = members[at] ?? null;
	const newer = members.slice(at + 1);
	if (before < 0) {
		return {
			latest,
			previous: null,
			skipped: [],
			newer,
			toFetch: members[at - 1] ?? members[at + 1] ?? null,
		};
	}
	return {
		latest,
		previous: members[before] ?? null,
		skipped: members.slice(before + 1, at),
		newer,
		toFetch: null,
	};
}
