import { describe, expect, it } from "vitest";
import {
  lastListPath,
  listPath,
  readListQuery,
  rememberListView,
  sortedBy,
  writeListQuery,
} from "./list-query";

const columns = ["number", "displayName", "balance"];

describe("a record list's view in its address", () => {
  it("reads the search, sort, direction and page", () => {
    expect(readListQuery("q=heron%20living&sort=displayName&dir=desc&page=3", columns)).toEqual({
      q: "heron living",
      sort: { field: "displayName", desc: true },
      page: 3,
    });
    expect(readListQuery("sort=balance", columns)).toEqual({
      q: "",
      sort: { field: "balance", desc: false },
      page: 1,
    });
  });

  it("sorts a line list by its Document no. column, which is no field of the lines, and reads it back", () => {
    const lineColumns = ["@document", "sequence", "description"];
    const view = { q: "", sort: { field: "@document", desc: true }, page: 1 };
    expect(readListQuery(writeListQuery(view), lineColumns)).toEqual(view);
    expect(
      readListQuery(writeListQuery(sortedBy({ q: "", page: 1 }, "@document")), lineColumns).sort,
    ).toEqual({
      field: "@document",
      desc: false,
    });
  });

  it("opens the default view from an empty, old or hand-edited query", () => {
    expect(readListQuery("", columns)).toEqual({ q: "", page: 1 });
    expect(readListQuery("?q=%20%20&sort=secret&dir=desc&page=0", columns)).toEqual({ q: "", page: 1 });
    for (const page of ["-2", "1.5", "two", "1e400", ""])
      expect(readListQuery(`page=${page}`, columns).page).toBe(1);
  });

  it("writes only what differs from the default, and reads back what it wrote", () => {
    expect(writeListQuery({ q: "", page: 1 })).toBe("");
    const view = { q: "a&b=“c”", sort: { field: "number", desc: false }, page: 2 };
    const written = writeListQuery(view);
    expect(written).toBe("q=a%26b%3D%E2%80%9Cc%E2%80%9D&sort=number&dir=asc&page=2");
    expect(readListQuery(written, columns)).toEqual(view);
  });

  it("gives the list's path with its query", () => {
    expect(listPath("customers", { q: "", page: 1 })).toBe("/bc/customers");
    expect(listPath("customers", { q: "zzz", page: 1 })).toBe("/bc/customers?q=zzz");
    expect(listPath("customers", "page=2")).toBe("/bc/customers?page=2");
  });

  it("sorts a new column ascending, the same one the other way, from the first page", () => {
    const first = sortedBy({ q: "x", page: 4 }, "balance");
    expect(first).toEqual({ q: "x", sort: { field: "balance", desc: false }, page: 1 });
    expect(sortedBy({ ...first, page: 2 }, "balance").sort).toEqual({ field: "balance", desc: true });
    expect(sortedBy({ ...first, sort: { field: "balance", desc: true } }, "number").sort).toEqual({
      field: "number",
      desc: false,
    });
  });

  it("remembers each table's last view for its cards' Back link", () => {
    expect(lastListPath("vendors")).toBe("/bc/vendors");
    rememberListView("vendors", "q=fabrikam&page=2");
    rememberListView("items", "sort=number&dir=desc");
    expect(lastListPath("vendors")).toBe("/bc/vendors?q=fabrikam&page=2");
    expect(lastListPath("items")).toBe("/bc/items?sort=number&dir=desc");
    rememberListView("vendors", "");
    expect(lastListPath("vendors")).toBe("/bc/vendors");
  });
});
