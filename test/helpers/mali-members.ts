/**
 * The members of the Mali series as issue 11 lists them, in order of
 * adoption: what the shipped manifest must list, whatever is stored.
 */
export const MALI_MEMBERS = [
	"20/17",
	"21/25",
	"22/18",
	"25/36",
	"28/31",
	"31/28",
	"34/39",
	"37/39",
	"40/26",
	"43/38",
	"46/28",
	"49/34",
	"52/42",
	"55/25",
	"58/30",
	"61/37",
] as const;
