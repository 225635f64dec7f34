/**
 * Who a lead phrase addresses, by role rather than by wording: drafters name
 * the same addressee in different words from one year to the next ("the
 * States Members of the United Nations ... and all other relevant
 * international organizations" became "the international community"; "the
 * Malian authorities" and "the Government of Mali" take turns). Roles follow
 * the actors Human Rights Council country resolutions call upon: the State
 * concerned, the international community and its organizations, the High
 * Commissioner and the Office, the Council's own mandate holder, and the
 * parties to a conflict.
 */
const ROLES: readonly (readonly [role: string, pattern: RegExp])[] = [
	["mandate holder", /\b(independent expert|special rapporteur)\b/i],
	["high commissioner", /\b(high commissioner|office of the united nations high commissioner)\b/i],
	[
		"international community",
		/\b(international community|states members|member states|all states|donors?|partners?|friendly countries|partner organizations|international (financial )?(institutions|organizations|actors))\b/i,
	],
	["parties", /\b(all parties|armed groups|all forces|signatory (groups|parties|movements))\b/i],
	[
		"the state",
		/\b(government of|federal government|transitional government|authorities|national institutions?)\b/i,
	],
];

/** The addressee's role in the first words of a paragraph's body (see Unit.object), or undefined. */
export function addresseeRole(objectText: string): string | undefined {
	for (const [role, pattern] of ROLES) if (pattern.test(objectText)) return role;
	return undefined;
}
