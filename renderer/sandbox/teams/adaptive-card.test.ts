import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { initialValues, missingRequired, parseCard, submission, toggleChoice } from "./adaptive-card";

const approvalCard: JsonObject = {
  type: "AdaptiveCard",
  version: "1.4",
  body: [
    { type: "TextBlock", text: "Approve **PI-1001**?", weight: "Bolder", size: "Medium" },
    { type: "FactSet", facts: [{ title: "Vendor", value: "Birch Logistics Co." }] },
    {
      type: "ColumnSet",
      columns: [
        {
          type: "Column",
          items: [{ type: "Input.Text", id: "comments", label: "Comments", isMultiline: true }],
        },
      ],
    },
    {
      type: "Input.ChoiceSet",
      id: "reason",
      label: "Reason",
      isRequired: true,
      choices: [
        { title: "Price", value: "price" },
        { title: "Quantity", value: "qty" },
      ],
    },
    { type: "Input.Toggle", id: "urgent", title: "Urgent", valueOn: "yes", valueOff: "no" },
    { type: "Image", url: "https://tracker.example/x.png", altText: "logo" },
    { type: "Mystery", text: "skipped" },
  ],
  actions: [
    { type: "Action.Submit", title: "Approve", data: { decision: "approve" } },
    { type: "Action.Submit", title: "Reject", id: "reject" },
    { type: "Action.OpenUrl", title: "Open", url: "https://example.com" },
  ],
};

describe("parseCard", () => {
  it("reads what a person sees, inputs wherever they sit, and the buttons", () => {
    const card = parseCard(approvalCard);
    expect(card?.elements.map((e) => e.kind)).toEqual(["text", "facts", "input", "input", "input", "image"]);
    expect(card?.inputs.map((i) => [i.type, i.id])).toEqual([
      ["text", "comments"],
      ["choice", "reason"],
      ["toggle", "urgent"],
    ]);
    expect(card?.actions).toEqual([
      { kind: "submit", title: "Approve", id: undefined, data: { decision: "approve" } },
      { kind: "submit", title: "Reject", id: "reject", data: {} },
      { kind: "openUrl", title: "Open", url: "https://example.com" },
    ]);
  });

  it("accepts the card as JSON text or as a message attachment, and nothing else", () => {
    expect(parseCard(JSON.stringify(approvalCard))?.inputs).toHaveLength(3);
    expect(
      parseCard({
        type: "message",
        attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: approvalCard }],
      })?.actions,
    ).toHaveLength(3);
    expect(parseCard(null)).toBeUndefined();
    expect(parseCard("not json")).toBeUndefined();
    expect(parseCard({ type: "HeroCard" })).toBeUndefined();
  });
});

describe("answering a card", () => {
  const card = parseCard(approvalCard);
  if (!card) throw new Error("the card did not parse");

  it("starts from the inputs' initial values, toggles at their off value", () => {
    expect(initialValues(card)).toEqual({ comments: "", reason: "", urgent: "no" });
  });

  it("names the required inputs left empty", () => {
    expect(missingRequired(card, initialValues(card))).toEqual([
      { id: "reason", name: "Reason", errorMessage: "" },
    ]);
    expect(missingRequired(card, { ...initialValues(card), reason: "qty" })).toEqual([]);
  });

  it("gives the author's error message, and a placeholder's words for an input without a label", () => {
    const own = parseCard({
      type: "AdaptiveCard",
      version: "1.4",
      body: [
        {
          type: "Input.Text",
          id: "reason",
          placeholder: "Why?",
          isRequired: true,
          errorMessage: "Give a reason",
        },
        { type: "Input.Text", id: "code", isRequired: true },
      ],
      actions: [{ type: "Action.Submit", title: "Send" }],
    });
    if (!own) throw new Error("the card did not parse");
    expect(missingRequired(own, initialValues(own))).toEqual([
      { id: "reason", name: "Why?", errorMessage: "Give a reason" },
      { id: "code", name: "code", errorMessage: "" },
    ]);
  });

  it("sends the button and its data with the values", () => {
    const [approve, reject] = card.actions;
    if (approve?.kind !== "submit" || reject?.kind !== "submit") throw new Error("buttons expected");
    expect(submission(approve, { comments: "ok", reason: "price", urgent: "yes" })).toEqual({
      actionId: "Approve",
      data: { decision: "approve", comments: "ok", reason: "price", urgent: "yes" },
    });
    expect(submission(reject, {}).actionId).toBe("reject");
  });

  it("joins a multi-select's values with commas", () => {
    expect(toggleChoice("", "a", true)).toBe("a");
    expect(toggleChoice("a", "b", true)).toBe("a,b");
    expect(toggleChoice("a,b", "a", false)).toBe("b");
  });
});
