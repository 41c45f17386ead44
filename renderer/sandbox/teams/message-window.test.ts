import { describe, expect, it } from "vitest";
import { PAGE, windowToReach } from "./message-window";

describe("the messages a link to an older message loads", () => {
  it("is the first page while the message is among the newest hundred", () => {
    expect(windowToReach(0)).toBe(PAGE);
    expect(windowToReach(PAGE - 1)).toBe(PAGE);
  });

  it("is as many whole pages as reach it, the message included", () => {
    expect(windowToReach(PAGE)).toBe(2 * PAGE);
    expect(windowToReach(250)).toBe(3 * PAGE);
  });
});
