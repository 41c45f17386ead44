import { describe, expect, it } from "vitest";
import { isTypeaheadKey, TYPEAHEAD_RESET_MS, TypeaheadBuffer, typeaheadIndex } from "./typeahead";

const labels = ["Copy", "Cut", "Delete", "Duplicate", "Élan report", "Paste"];

describe("menu type-ahead", () => {
  it("moves to the next item starting with the letter, after the current one, wrapping", () => {
    expect(typeaheadIndex(labels, -1, "d")).toBe(2);
    expect(typeaheadIndex(labels, 2, "dd")).toBe(3);
    expect(typeaheadIndex(labels, 3, "ddd")).toBe(2);
    expect(typeaheadIndex(labels, 5, "c")).toBe(0);
  });

  it("matches a typed prefix, staying on the current item when it still matches", () => {
    expect(typeaheadIndex(labels, 0, "cu")).toBe(1);
    expect(typeaheadIndex(labels, 3, "du")).toBe(3);
    expect(typeaheadIndex(labels, -1, "pa")).toBe(5);
  });

  it("ignores case and accents, and says when nothing matches", () => {
    expect(typeaheadIndex(labels, -1, "E")).toBe(4);
    expect(typeaheadIndex(labels, -1, "z")).toBe(-1);
    expect(typeaheadIndex([], -1, "a")).toBe(-1);
  });

  it("starts a new prefix after a pause", () => {
    const buffer = new TypeaheadBuffer();
    expect(buffer.add("d", 1000)).toBe("d");
    expect(buffer.add("u", 1100)).toBe("du");
    expect(buffer.add("p", 1100 + TYPEAHEAD_RESET_MS + 1)).toBe("p");
  });

  it("takes printable keys only, not shortcuts or Space", () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
      isTypeaheadKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect(key("a")).toBe(true);
    expect(key("A")).toBe(true);
    expect(key(" ")).toBe(false);
    expect(key("ArrowDown")).toBe(false);
    expect(key("c", { ctrlKey: true })).toBe(false);
  });
});
