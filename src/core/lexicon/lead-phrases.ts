/**
 * The lead-phrase lexicon: how preambular and operative paragraphs open, what
 * each opening means (its lemma, shared across inflections) and how strong an
 * operative verb is within its family. Data only; `lexicon.ts` reads it.
 *
 * Sources:
 * - United Nations Editorial Manual Online, "Resolutions and decisions" and its
 *   lists of preambular participles and operative verbs
 *   (https://www.un.org/dgacm/en/content/editorial-manual).
 * - Dag Hammarskjöld Library, research guide "UN Documentation: Resolutions"
 *   (https://research.un.org/en/docs/resolutions), on preamble and operative part.
 * - UNA-USA Model UN "Preambulatory and operative clauses" lists, a widely used
 *   teaching list of the same phrases.
 * - The Human Rights Council's Mali resolutions 20/17 to 37/39 themselves, for
 *   the phrases this corpus uses ("Remaining concerned over", "Noting the account taken").
 * The strength orderings are this project's judgement, read off the order in
 * which the Council escalates its language over the years (takes note, notes,
 * welcomes; invites, encourages, urges, calls upon, demands; expresses concern,
 * deplores, condemns, strongly condemns). They are ordinal within a family only.
 * "Requests" addressed to States sits between "encourages" and "urges"; the
 * same verb addressed to the Secretariat is a mandate, but the lexicon cannot
 * tell the addressee, so a change to or from it is ranked as exhortation.
 */

/** One opening phrase. `lemma` ties inflections and synonyms of one meaning together. */
export interface LeadEntry {
	/** The words of the phrase without adverbs, lower case: "deeply concerned". */
	readonly phrase: string;
	readonly lemma: string;
	/** Prepositions that, following the phrase, belong to it ("concerned about"). */
	readonly preps?: readonly string[];
}

const CONCERN = ["about", "at", "by", "over", "with", "regarding"] as const;

/** Openers of preambular paragraphs: participles and adjectival phrases. */
export const PREAMBULAR: readonly LeadEntry[] = [
	{ phrase: "acknowledging", lemma: "acknowledge" },
	{ phrase: "acknowledging with appreciation", lemma: "note with appreciation" },
	{ phrase: "affirming", lemma: "affirm" },
	{ phrase: "alarmed", lemma: "express grave concern", preps: ["by", "at"] },
	{ phrase: "deeply alarmed", lemma: "express grave concern", preps: ["by", "at"] },
	{ phrase: "appreciating", lemma: "appreciate" },
	{ phrase: "aware", lemma: "aware", preps: ["of"] },
	{ phrase: "fully aware", lemma: "aware", preps: ["of"] },
	{ phrase: "bearing in mind", lemma: "bear in mind" },
	{ phrase: "believing", lemma: "believe" },
	{ phrase: "commending", lemma: "commend" },
	{ phrase: "concerned", lemma: "express concern", preps: CONCERN },
	{ phrase: "deeply concerned", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "seriously concerned", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "gravely concerned", lemma: "express grave concern", preps: CONCERN },
	{ phrase: "remaining concerned", lemma: "express concern", preps: CONCERN },
	{ phrase: "remaining deeply concerned", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "remaining gravely concerned", lemma: "express grave concern", preps: CONCERN },
	{ phrase: "expressing concern", lemma: "express concern", preps: CONCERN },
	{ phrase: "expressing deep concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "expressing grave concern", lemma: "express grave concern", preps: CONCERN },
	{ phrase: "expressing particular concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "condemning", lemma: "condemn" },
	{ phrase: "strongly condemning", lemma: "strongly condemn" },
	{ phrase: "conscious", lemma: "conscious", preps: ["of"] },
	{ phrase: "considering", lemma: "consider" },
	{ phrase: "having considered", lemma: "consider" },
	{ phrase: "convinced", lemma: "convinced", preps: ["of"] },
	{ phrase: "deploring", lemma: "deplore" },
	{ phrase: "desiring", lemma: "desire" },
	{ phrase: "determined", lemma: "determined" },
	{ phrase: "emphasizing", lemma: "emphasize" },
	{ phrase: "encouraged", lemma: "encouraged", preps: ["by"] },
	{ phrase: "encouraging", lemma: "encourage" },
	{ phrase: "expressing appreciation", lemma: "express appreciation", preps: ["for", "to"] },
	{ phrase: "expressing its appreciation", lemma: "express appreciation", preps: ["for", "to"] },
	{ phrase: "guided", lemma: "guided", preps: ["by"] },
	{ phrase: "having examined", lemma: "examine" },
	{ phrase: "highlighting", lemma: "highlight" },
	{ phrase: "keeping in mind", lemma: "bear in mind" },
	{ phrase: "mindful", lemma: "mindful", preps: ["of"] },
	{ phrase: "noting", lemma: "note" },
	{ phrase: "noting with appreciation", lemma: "note with appreciation" },
	{ phrase: "noting with satisfaction", lemma: "note with satisfaction" },
	{ phrase: "noting with concern", lemma: "express concern" },
	{ phrase: "noting with deep concern", lemma: "express deep concern" },
	{ phrase: "observing", lemma: "observe" },
	{ phrase: "reaffirming", lemma: "reaffirm" },
	{ phrase: "recalling", lemma: "recall" },
	{ phrase: "recognizing", lemma: "recognize" },
	{ phrase: "regretting", lemma: "regret" },
	{ phrase: "reiterating", lemma: "reiterate" },
	// "Reiterating its call for ..." repeats an earlier act: its meaning is the act repeated.
	{ phrase: "reiterating call", lemma: "call upon", preps: ["for", "upon", "on"] },
	{ phrase: "reiterating appreciation", lemma: "express appreciation", preps: ["for", "to"] },
	{ phrase: "reiterating concern", lemma: "express concern", preps: CONCERN },
	{ phrase: "reiterating deep concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "reiterating support", lemma: "support", preps: ["for", "to"] },
	{ phrase: "seeking", lemma: "seek" },
	{ phrase: "stressing", lemma: "stress" },
	{ phrase: "supporting", lemma: "support" },
	{ phrase: "taking into account", lemma: "take into account" },
	{ phrase: "taking into consideration", lemma: "take into account" },
	{ phrase: "taking note", lemma: "take note", preps: ["of"] },
	{ phrase: "taking note with appreciation", lemma: "take note with appreciation", preps: ["of"] },
	{ phrase: "taking note with satisfaction", lemma: "note with satisfaction", preps: ["of"] },
	{ phrase: "underlining", lemma: "underline" },
	{ phrase: "underscoring", lemma: "underscore" },
	{ phrase: "welcoming", lemma: "welcome" },
	{ phrase: "welcoming with appreciation", lemma: "welcome with appreciation" },
];

/** Verbs (and verb phrases) that open operative paragraphs. */
export const OPERATIVE: readonly LeadEntry[] = [
	{ phrase: "acknowledges", lemma: "acknowledge" },
	{ phrase: "affirms", lemma: "affirm" },
	{ phrase: "appeals", lemma: "appeal", preps: ["to"] },
	{ phrase: "appreciates", lemma: "appreciate" },
	{ phrase: "approves", lemma: "approve" },
	{ phrase: "authorizes", lemma: "authorize" },
	{ phrase: "calls upon", lemma: "call upon" },
	{ phrase: "calls on", lemma: "call upon" },
	{ phrase: "calls for", lemma: "call upon" },
	{ phrase: "commends", lemma: "commend" },
	{ phrase: "continues", lemma: "continue" },
	{ phrase: "continues to support", lemma: "support" },
	{ phrase: "condemns", lemma: "condemn" },
	{ phrase: "strongly condemns", lemma: "strongly condemn" },
	{ phrase: "congratulates", lemma: "commend" },
	{ phrase: "declares", lemma: "declare" },
	{ phrase: "decides", lemma: "decide" },
	{ phrase: "demands", lemma: "demand" },
	{ phrase: "deplores", lemma: "deplore" },
	{ phrase: "strongly deplores", lemma: "strongly deplore" },
	{ phrase: "emphasizes", lemma: "emphasize" },
	{ phrase: "encourages", lemma: "encourage" },
	{ phrase: "strongly encourages", lemma: "strongly encourage" },
	{ phrase: "endorses", lemma: "endorse" },
	{ phrase: "expresses appreciation", lemma: "express appreciation", preps: ["for", "to"] },
	{ phrase: "expresses concern", lemma: "express concern", preps: CONCERN },
	{ phrase: "expresses deep concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "expresses serious concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "expresses grave concern", lemma: "express grave concern", preps: CONCERN },
	// "Particular" concern singles a matter out among others the paragraph before named: deep, not grave.
	{ phrase: "expresses particular concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "expresses the hope", lemma: "express hope" },
	{ phrase: "expresses regret", lemma: "regret" },
	{ phrase: "expresses solidarity", lemma: "express solidarity", preps: ["with"] },
	{ phrase: "highlights", lemma: "highlight" },
	{ phrase: "insists", lemma: "insist" },
	{ phrase: "invites", lemma: "invite" },
	{ phrase: "looks forward", lemma: "look forward", preps: ["to"] },
	{ phrase: "notes", lemma: "note" },
	{ phrase: "notes with appreciation", lemma: "note with appreciation" },
	{ phrase: "notes with satisfaction", lemma: "note with satisfaction" },
	{ phrase: "notes with concern", lemma: "express concern" },
	{ phrase: "notes with deep concern", lemma: "express deep concern" },
	{ phrase: "pays tribute", lemma: "pay tribute", preps: ["to"] },
	{ phrase: "reaffirms", lemma: "reaffirm" },
	{ phrase: "recalls", lemma: "recall" },
	{ phrase: "recognizes", lemma: "recognize" },
	{ phrase: "recommends", lemma: "recommend" },
	{ phrase: "regrets", lemma: "regret" },
	{ phrase: "deeply regrets", lemma: "deeply regret" },
	{ phrase: "reiterates", lemma: "reiterate" },
	// "Reiterates its call for", "Repeats its call for": the Council makes the same call again. Ranked as
	// the act repeated, so "Calls upon" -> "Reiterates its call" is the same force, and "Condemns" ->
	// "Reiterates its concern" is weaker (22/18 OP1 -> 25/36 OP2).
	{ phrase: "reiterates call", lemma: "call upon", preps: ["for", "upon", "on"] },
	{ phrase: "repeats call", lemma: "call upon", preps: ["for", "upon", "on"] },
	{ phrase: "reiterates appreciation", lemma: "express appreciation", preps: ["for", "to"] },
	{ phrase: "reiterates concern", lemma: "express concern", preps: CONCERN },
	{ phrase: "reiterates deep concern", lemma: "express deep concern", preps: CONCERN },
	{ phrase: "reiterates grave concern", lemma: "express grave concern", preps: CONCERN },
	{ phrase: "reiterates support", lemma: "support", preps: ["for", "to"] },
	{ phrase: "reiterates strong condemnation", lemma: "strongly condemn", preps: ["of"] },
	{ phrase: "rejects", lemma: "reject" },
	{ phrase: "reminds", lemma: "remind" },
	{ phrase: "repeats", lemma: "reiterate" },
	{ phrase: "requests", lemma: "request" },
	{ phrase: "stresses", lemma: "stress" },
	{ phrase: "supports", lemma: "support" },
	{ phrase: "strongly supports", lemma: "strongly support" },
	{ phrase: "takes note", lemma: "take note", preps: ["of"] },
	{ phrase: "takes note with appreciation", lemma: "take note with appreciation", preps: ["of"] },
	{ phrase: "takes note with satisfaction", lemma: "note with satisfaction", preps: ["of"] },
	{ phrase: "underlines", lemma: "underline" },
	{ phrase: "underscores", lemma: "underscore" },
	{ phrase: "urges", lemma: "urge" },
	{ phrase: "strongly urges", lemma: "strongly urge" },
	{ phrase: "welcomes", lemma: "welcome" },
	{ phrase: "welcomes with appreciation", lemma: "welcome with appreciation" },
];

/**
 * Adverbs that may sit inside or after a lead phrase ("Also requests",
 * "Deeply concerned also about", "Recalling further"). They belong to the
 * phrase as written but not to its meaning or strength.
 */
export const ADVERBS: readonly string[] = [
	"also",
	"further",
	"furthermore",
	"again",
	"once",
	"moreover",
	"additionally",
	"likewise",
	"finally",
];

/** A possessive that may sit inside a phrase: "Expresses its deep concern". */
export const FILLERS: readonly string[] = ["its"];

/**
 * Strength families: each is an ordered list of steps from weakest to
 * strongest; lemmas in one step are equally strong. A lemma belongs to at
 * most one family. No UN text defines these orders (the Legal Response
 * Initiative's note "Legal interpretation of verbs", 2010, says as much and
 * reads the verbs by their ordinary meaning); each order below is this
 * project's reading, with its reason.
 */
export const STRENGTH_FAMILIES: Readonly<Record<string, readonly (readonly string[])[]>> = {
	// The Council's regard for a fact or an actor. "Takes note" is the formula it uses for what it
	// records without endorsing (the HRC "takes note" of reports it does not adopt); "notes",
	// "acknowledges" and "recognizes" record; "with appreciation/satisfaction" adds approval;
	// "welcomes" approves; "commends" and "expresses appreciation" praise an actor. Seen in the real
	// series: note -> note with appreciation (PP14 -> OP8, 37/39), welcome -> note with satisfaction
	// (25/36 OP6 -> 28/31 OP14).
	acknowledgement: [
		["take note"],
		["note", "acknowledge", "recognize"],
		["take note with appreciation", "note with appreciation", "note with satisfaction"],
		["welcome"],
		["welcome with appreciation", "commend", "express appreciation", "appreciate"],
	],
	// What the Council asks of others, from an option offered to a demand. "Request" sits with
	// "strongly encourage": addressed to the Secretariat it is a mandate, to States an insistent ask
	// (the lexicon cannot tell the addressee, so it ranks the ask). "Call upon" above "urge" follows
	// Security Council usage, where "calls upon" is the formula closest to "demands".
	exhortation: [
		["invite"],
		["encourage"],
		["strongly encourage", "request"],
		["urge", "appeal"],
		["strongly urge"],
		["call upon"],
		["demand"],
	],
	// Disapproval rises from concern through regret to condemnation; "particular" concern is ranked
	// as deep (it is concern singled out, not graver concern).
	disapproval: [
		["express concern"],
		["express deep concern"],
		["express grave concern"],
		["regret", "deplore"],
		["deeply regret", "strongly deplore", "condemn"],
		["strongly condemn"],
	],
	support: [["support"], ["strongly support", "endorse"]],
	emphasis: [["stress", "emphasize", "underline", "underscore", "highlight"], ["insist"]],
	recollection: [["recall"], ["reaffirm", "reiterate", "affirm"]],
};

/**
 * Leads that only record: the bottom of the acknowledgement family. Against
 * any lead that takes a stance (asks for action, disapproves, supports or
 * emphasizes), a neutral record is weaker, so "Notes the efforts" ->
 * "Encourages the efforts" (28/31 OP4 -> 31/28 OP5) is stronger and
 * "Underscoring" -> "Taking note" weaker. Recollection takes no stance, and
 * two stances of different families (encourage against support, welcome
 * against urge) have no defensible order: those shifts stay `changed`.
 */
export const NEUTRAL_LEADS: readonly string[] = ["take note", "note", "acknowledge", "recognize"];
/** The families whose leads take a stance, for the rule above. */
export const STANCE_FAMILIES: readonly string[] = [
	"exhortation",
	"disapproval",
	"support",
	"emphasis",
];
