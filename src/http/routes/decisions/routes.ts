/** Reviewers' decisions on stored member pairs: read them (anyone), make or withdraw them (admin token). */
import { createRoute, z } from "@hono/zod-openapi";
import { PairingDecision } from "../../../core/diff/schema.ts";
import { problemResponses } from "../../problem.ts";
import { SymbolParam } from "../../schemas.ts";

const Ref = z.string().min(1).max(20).openapi({ example: "OP25" });

export const DecisionSchema = z
	.object({
		id: z.number().int(),
		from: z.string().openapi({ example: "A/HRC/RES/34/39" }),
		to: z.string().openapi({ example: "A/HRC/RES/37/39" }),
		action: PairingDecision.shape.action,
		old: z
			.array(z.string())
			.openapi({ description: "Paragraphs of the older member", example: ["OP25"] }),
		new: z
			.array(z.string())
			.openapi({ description: "Paragraphs of the newer member", example: ["OP30"] }),
		note: z.string().nullable(),
		decidedAt: z.string(),
		holds: z.boolean().openapi({
			description:
				"Whether both texts are still the ones it was made on; a decision that no longer holds is ignored",
		}),
	})
	.openapi("Decision");

export const DecisionBody = z
	.object({
		from: SymbolParam.openapi({ description: "The older member", example: "34-39" }),
		to: SymbolParam.openapi({ description: "The newer member", example: "37-39" }),
		action: PairingDecision.shape.action.openapi({
			description:
				"`pair`: these paragraphs are one (one each, or several on one side for a merge or split), whatever the engine found; `unpair`: they are not one. A `pair` that takes a paragraph from its engine partner re-pairs it.",
		}),
		old: z.array(Ref).min(1).max(20),
		new: z.array(Ref).min(1).max(20),
		note: z.string().max(500).optional().openapi({ description: "Why, for the next reader" }),
	})
	.openapi("DecisionRequest");

const pair = z.object({
	from: SymbolParam.openapi({ param: { name: "from", in: "query" }, example: "34-39" }),
	to: SymbolParam.openapi({ param: { name: "to", in: "query" }, example: "37-39" }),
});

export const listDecisionsRoute = createRoute({
	method: "get",
	path: "/api/decisions",
	tags: ["review"],
	summary: "Reviewers' decisions on a pair of stored members",
	request: { query: pair },
	responses: {
		200: {
			description: "The decisions, oldest first",
			content: { "application/json": { schema: z.object({ decisions: z.array(DecisionSchema) }) } },
		},
		...problemResponses(400, 404, 503),
	},
});

export const decideRoute = createRoute({
	method: "post",
	path: "/api/decisions",
	tags: ["review"],
	summary: "Pair, unpair or re-pair paragraphs of two stored members (needs the admin token)",
	description:
		"The pair's comparison is made again around the decision, and lineage, new language and search follow; its outcomes say decidedBy: reviewer and its ETag changes. Earlier decisions naming any of the same paragraphs give way. A decision holds while both texts stay as they are; importing a changed text drops it, and the import reports it.",
	security: [{ bearer: [] }],
	request: { body: { required: true, content: { "application/json": { schema: DecisionBody } } } },
	responses: {
		201: {
			description: "Recorded",
			content: {
				"application/json": {
					schema: z.object({ decision: DecisionSchema, replaced: z.array(DecisionSchema) }),
				},
			},
		},
		...problemResponses(400, 401, 403, 404, 413, 503),
	},
});

export const withdrawRoute = createRoute({
	method: "delete",
	path: "/api/decisions/{id}",
	tags: ["review"],
	summary: "Withdraw a decision (needs the admin token); the pair is compared again without it",
	security: [{ bearer: [] }],
	request: {
		params: z.object({
			id: z.coerce
				.number()
				.int()
				.positive()
				.openapi({ param: { name: "id", in: "path" }, example: 1 }),
		}),
	},
	responses: {
		200: {
			description: "Withdrawn",
			content: { "application/json": { schema: z.object({ decision: DecisionSchema }) } },
		},
		...problemResponses(400, 401, 403, 404, 503),
	},
});
