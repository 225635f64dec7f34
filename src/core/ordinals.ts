/** Ordinals in words, as session numbers are printed ("fortieth", "forty-third"). */

const UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const UNIT_ORDINALS = [
	"",
	"first",
	"second",
	"third",
	"fourth",
	"fifth",
	"sixth",
	"seventh",
	"eighth",
	"ninth",
];
const TEENS = [
	"ten",
	"eleven",
	"twelve",
	"thirteen",
	"fourteen",
	"fifteen",
	"sixteen",
	"seventeen",
	"eighteen",
	"nineteen",
];
const TEEN_ORDINALS = [
	"tenth",
	"eleventh",
	"twelfth",
	"thirteenth",
	"fourteenth",
	"fifteenth",
	"sixteenth",
	"seventeenth",
	"eighteenth",
	"nineteenth",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function belowHundred(n: number, ordinal: boolean): string {
	if (n < 10) return (ordinal ? UNIT_ORDINALS : UNITS)[n] ?? "";
	if (n < 20) return (ordinal ? TEEN_ORDINALS : TEENS)[n - 10] ?? "";
	const tens = TENS[Math.floor(n / 10)] ?? "";
	const unit = n % 10;
	if (unit === 0) return ordinal ? `${tens.slice(0, -1)}ieth` : tens;
	return `${tens}-${(ordinal ? UNIT_ORDINALS : UNITS)[unit]}`;
}

/**
 * An ordinal in words for 1..9999.
 *
 * @example
 * ordinalWords(43) // "forty-third"
 * ordinalWords(3037) // "three thousand and thirty-seventh"
 */
export function ordinalWords(n: number): string {
	const thousands = Math.floor(n / 1000);
	const hundreds = Math.floor((n % 1000) / 100);
	const rest = n % 100;
	const big: string[] = [];
	if (thousands > 0) big.push(`${UNITS[thousands]} thousand`);
	if (hundreds > 0) big.push(`${UNITS[hundreds]} hundred`);
	if (rest === 0) return `${big.join(" ")}th`;
	const tail = belowHundred(rest, true);
	return big.length > 0 ? `${big.join(" ")} and ${tail}` : tail;
}
