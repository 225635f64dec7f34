/** How a resolution's adoption reads: "adopted 23 March 2018 without a vote (56th meeting)". */
import { printDate } from "../core/calendar.ts";
import type { Resolution } from "../core/model.ts";

export function describeAdoption(res: Pick<Resolution, "adoption">): string {
	const { date, vote, meeting } = res.adoption;
	const parts: string[] = [];
	if (date) parts.push(`adopted ${printDate(date)}`);
	if (vote === "without a vote") parts.push("without a vote");
	else if (vote)
		parts.push(`by a recorded vote of ${vote.yes} to ${vote.no}, ${vote.abstain} abstaining`);
	if (meeting) parts.push(`(${meeting})`);
	return parts.join(" ");
}
