/** How long each kind of answer may be cached, in one place. */

/** Lists, lineage and search change when a member is imported: a minute is fresh enough. */
export const CACHE_LISTS = "public, max-age=60";
/** A stored resolution or comparison changes only when a text is replaced, which changes its ETag. */
export const CACHE_STORED = "public, max-age=3600, must-revalidate";
/** An unsaved draft's comparison is the caller's own. */
export const CACHE_NONE = "no-store";
