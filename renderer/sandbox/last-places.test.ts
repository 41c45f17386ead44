import { describe, expect, it } from "vitest";
import { type PlaceStorage, placeOf, rememberPlace, sectionOf } from "./last-places";

function memory(): PlaceStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const ALICIA = "alicia.thornton@cronus-demo.example";
const DANIEL = "daniel.reyes@cronus-demo.example";

describe("last places", () => {
  it("knows the sections whose place is kept", () => {
    expect(sectionOf("/teams/chat/c1")).toBe("/teams");
    expect(sectionOf("/outlook?folder=sent")).toBe("/outlook");
    expect(sectionOf("/excel")).toBe("/excel");
    expect(sectionOf("/teamsters")).toBeUndefined();
    expect(sectionOf("/bc/customers")).toBeUndefined();
  });

  it("leads a tab back to where its section was left", () => {
    const storage = memory();
    expect(placeOf("/teams", ALICIA, storage)).toBe("/teams");
    rememberPlace("/teams/channel/ch-2", ALICIA, storage);
    rememberPlace("/excel/tb-3", ALICIA, storage);
    rememberPlace("/bc/customers?q=heron", ALICIA, storage);
    expect(placeOf("/teams", ALICIA, storage)).toBe("/teams/channel/ch-2");
    expect(placeOf("/excel", ALICIA, storage)).toBe("/excel/tb-3");
    expect(placeOf("/bc", ALICIA, storage)).toBe("/bc");
    // Teams and Excel are the company's: the same for whoever is acted as.
    expect(placeOf("/teams", DANIEL, storage)).toBe("/teams/channel/ch-2");
  });

  it("keeps a person's own mail and approvals apart from another person's", () => {
    const storage = memory();
    rememberPlace("/outlook?folder=sent&message=m1", ALICIA, storage);
    rememberPlace("/approvals/history/a1", ALICIA.toUpperCase(), storage);
    expect(placeOf("/outlook", ALICIA, storage)).toBe("/outlook?folder=sent&message=m1");
    expect(placeOf("/approvals", ALICIA, storage)).toBe("/approvals/history/a1");
    expect(placeOf("/outlook", DANIEL, storage)).toBe("/outlook");
    expect(placeOf("/approvals", DANIEL, storage)).toBe("/approvals");
  });

  it("ignores what it cannot read, and storage that refuses", () => {
    const storage = memory();
    storage.data.set("flowsmith.sandbox.lastPlaces", "{not json");
    expect(placeOf("/teams", ALICIA, storage)).toBe("/teams");
    storage.data.set("flowsmith.sandbox.lastPlaces", JSON.stringify({ "/teams": "/bc/items", "/excel": 4 }));
    expect(placeOf("/teams", ALICIA, storage)).toBe("/teams");
    expect(placeOf("/excel", ALICIA, storage)).toBe("/excel");
    const refusing: PlaceStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error("quota");
      },
    };
    expect(() => rememberPlace("/teams/chat/c1", ALICIA, refusing)).not.toThrow();
  });
});
