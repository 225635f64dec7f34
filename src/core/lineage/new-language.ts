/**
 * newLanguage(series, member): the paragraphs of one member whose language
 * appears in no earlier member, preambular and operative apart.
 */
import { NotFoundError } from "../errors.ts";
import type { Paragraph, Resolution } from "../model.ts";
import { lineage as buildLineage } from "./lineage.ts";
import type { Lineage, NewLanguage } from "./schema.ts";

/**
 * @param member index into `series`, or the member's symbol
 * @param computed the series' lineage, when the caller has it already
 */
export function newLanguage(
	series: readonly Resolution[],
	member: number | string,
	computed?: Lineage,
): NewLanguage {
	const k = typeof member === "number" ? member : series.findIndex((r) => r.symbol === member);
	const res = series[k];
	if (!res) {
		const known = series.map((r) => r.symbol ?? "?");
		throw new NotFoundError(
			"member",
			String(member),
			`${member} is not a member of this series; members: ${known.join(", ")}`,
			known,
		);
	}
	const lin = computed ?? buildLineage(series);
	const fresh = new Set(
		lin.clauses.flatMap((c) => {
			const cell = c.cells[k];
			return cell && c.first === k && cell.status === "new" ? [cell.ref] : [];
		}),
	);
	const pick = (kind: Paragraph["kind"]) =>
		res.paragraphs.filter((p) => p.kind === kind && fresh.has(p.ref));
	return {
		member: { symbol: res.symbol, title: res.title, date: res.adoption.date },
		preambular: pick("preambular"),
		operative: pick("operative"),
	};
}
