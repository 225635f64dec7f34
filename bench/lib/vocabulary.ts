/**
 * Words that have nothing to do with the Mali resolutions (sea, sky,
 * orchards, weather), for synthetic wording: inserted paragraphs, rewritten
 * clauses, reworded words and the variations of scaled texts. Being unrelated
 * keeps the truth unambiguous: an inserted paragraph can never be mistaken for
 * an existing one. None of them is a lead phrase, adverb or preposition, so
 * putting one next to a lead phrase cannot change how the lead is read.
 */

export const NOUNS: readonly string[] = [
	"lighthouse",
	"estuary",
	"meridian",
	"sextant",
	"barometer",
	"orchard",
	"granary",
	"nebula",
	"comet",
	"telescope",
	"pollination",
	"seismograph",
	"glacier",
	"lagoon",
	"harbour",
	"anchorage",
	"tide",
	"monsoon",
	"drizzle",
	"hailstone",
	"isobar",
	"anemometer",
	"trellis",
	"vineyard",
	"beehive",
	"apiary",
	"greenhouse",
	"seedling",
	"compost",
	"pruning",
	"grafting",
	"quince",
	"apricot",
	"almond",
	"chestnut",
	"walnut",
	"meteorite",
	"asteroid",
	"constellation",
	"equinox",
	"solstice",
	"eclipse",
	"observatory",
	"planetarium",
	"spectrograph",
	"galaxy",
	"quasar",
	"pulsar",
	"buoy",
	"keel",
	"rudder",
	"mainsail",
	"jib",
	"mooring",
	"shipwright",
	"dockyard",
	"breakwater",
	"sandbar",
	"reef",
	"coral",
	"plankton",
	"kelp",
	"oyster",
	"mussel",
	"herring",
	"mackerel",
	"trawler",
	"ferry",
	"schooner",
	"canal",
	"lock",
	"weir",
	"aqueduct",
	"cistern",
	"windmill",
	"watermill",
	"millstone",
	"thermometer",
	"hygrometer",
	"weathervane",
	"almanac",
	"logbook",
	"chart",
	"compass",
	"astrolabe",
	"horizon",
	"twilight",
	"aurora",
	"zenith",
	"orbit",
	"crater",
	"moonrise",
	"starlight",
	"frost",
	"dew",
	"fog",
	"gale",
	"breeze",
	"squall",
	"cumulus",
	"stratus",
	"cirrus",
	"blossom",
	"pollen",
	"nectar",
	"hive",
	"honeycomb",
	"furrow",
	"hedgerow",
	"meadow",
	"paddock",
	"haystack",
	"scarecrow",
	"sundial",
	"hourglass",
	"pendulum",
	"gyroscope",
	"periscope",
	"lantern",
	"beacon",
	"tidepool",
	"driftwood",
	"seashell",
	"pebble",
	"dune",
	"marsh",
	"heron",
	"pelican",
	"cormorant",
	"albatross",
	"gull",
];

export const ADJECTIVES: readonly string[] = [
	"tidal",
	"barometric",
	"nautical",
	"lunar",
	"solar",
	"stellar",
	"orbital",
	"coastal",
	"alpine",
	"arboreal",
	"botanical",
	"horticultural",
	"seasonal",
	"misty",
	"frosty",
	"windswept",
	"sunlit",
	"moonlit",
	"salty",
	"sandy",
	"leafy",
	"fragrant",
	"ripening",
	"blooming",
	"drifting",
	"floating",
	"shimmering",
	"glacial",
	"volcanic",
	"celestial",
	"equatorial",
	"polar",
	"humid",
	"breezy",
	"cloudless",
	"starry",
	"amber",
	"crimson",
	"turquoise",
	"silvery",
];

/** Joining words for synthetic clauses; the body, not the lead, is where they go. */
const LINKS: readonly string[] = ["of", "and", "for", "in", "with", "between"];

export interface Chooser {
	pick<T>(items: readonly T[]): T;
	int(min: number, max: number): number;
	chance(p: number): boolean;
}

/** One content word (noun or adjective). */
export function contentWord(rng: Chooser): string {
	return rng.chance(0.7) ? rng.pick(NOUNS) : rng.pick(ADJECTIVES);
}

/** `count` content words, for replacing a span word for word. */
export function contentWords(rng: Chooser, count: number): string[] {
	return Array.from({ length: count }, () => contentWord(rng));
}

/**
 * A synthetic clause of about `words` words that reads like a resolution's
 * body: "the tidal calibration of the lighthouse and the almond orchard".
 */
export function syntheticClause(rng: Chooser, words: number): string {
	const out: string[] = [];
	while (out.length < words) {
		if (out.length > 0) out.push(rng.pick(LINKS));
		out.push("the");
		if (rng.chance(0.5)) out.push(rng.pick(ADJECTIVES));
		out.push(rng.pick(NOUNS));
	}
	return out.join(" ");
}
