import { describe, expect, it } from "vitest";
import { addresseeRole } from "../../src/core/diff/addressee.ts";

describe("addresseeRole", () => {
	it("gives the same role to one addressee named in other words", () => {
		expect(addresseeRole("the States Members of the United Nations")).toBe(
			"international community",
		);
		expect(addresseeRole("the international community")).toBe("international community");
		expect(addresseeRole("the Malian authorities")).toBe("the state");
		expect(addresseeRole("the Government of Mali")).toBe("the state");
		expect(
			addresseeRole("the Office of the United Nations High Commissioner for Human Rights"),
		).toBe("high commissioner");
	});

	it("tells different addressees apart, and names none where the lead addresses no one", () => {
		expect(addresseeRole("the Independent Expert")).toBe("mandate holder");
		expect(addresseeRole("all parties")).toBe("parties");
		expect(addresseeRole("the High Commissioner")).not.toBe(
			addresseeRole("the Government of Mali"),
		);
		expect(addresseeRole("the importance of accountability")).toBeUndefined();
	});
});
