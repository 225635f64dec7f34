/** Dates as resolutions print them: "23 March 2018". */

/** English month names, as printed. */
export const MONTHS: readonly string[] = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];

/**
 * An ISO date the way the UN prints it; anything that is not one, as given.
 *
 * @example
 * printDate("2018-03-23") // "23 March 2018"
 */
export function printDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
	const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
	if (!m || !month) return iso;
	return `${Number(m[3])} ${month} ${m[1]}`;
}
