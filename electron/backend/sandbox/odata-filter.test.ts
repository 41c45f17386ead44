import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { matchesFilter, ODataError, parseFilter } from "./odata-filter";
import { parseOrderBy, sortRecords } from "./query";

const FIELDS = [
  "number",
  "displayName",
  "balanceDue",
  "blocked",
  "creditLimit",
  "postingDate",
  "modifiedAt",
  "id",
  "taxLiable",
  "code",
];

const records: JsonObject[] = [
  {
    number: "C10000",
    displayName: "Alder Interiors Ltd.",
    balanceDue: 1500,
    blocked: " ",
    creditLimit: 10000,
    postingDate: "2026-01-02",
    modifiedAt: "2026-01-02T09:30:00Z",
    id: "11111111-2222-4333-8444-555555555555",
    taxLiable: true,
    code: "1000",
  },
  {
    number: "C10010",
    displayName: "Beacon Hotels Inc.",
    balanceDue: 0,
    blocked: "All",
    creditLimit: 0,
    postingDate: "2025-12-20",
    modifiedAt: "2025-12-20T17:00:00Z",
    id: "aaaaaaaa-2222-4333-8444-555555555555",
    taxLiable: false,
    code: "1010",
  },
  {
    number: "C10020",
    displayName: "O'Brien Studios",
    balanceDue: 25000.5,
    blocked: " ",
    creditLimit: 20000,
    postingDate: "2026-01-05",
    modifiedAt: "2026-01-05T08:00:00Z",
    id: "bbbbbbbb-2222-4333-8444-555555555555",
    taxLiable: true,
    code: "1020",
  },
];

const numbers = (filter: string): string[] =>
  records.filter((r) => matchesFilter(parseFilter(filter, FIELDS), r)).map((r) => String(r.number));

describe("$filter", () => {
  it("compares with eq, ne, gt, ge, lt, le", () => {
    expect(numbers("number eq 'C10010'")).toEqual(["C10010"]);
    expect(numbers("blocked ne ' '")).toEqual(["C10010"]);
    expect(numbers("balanceDue gt 1500")).toEqual(["C10020"]);
    expect(numbers("balanceDue ge 1500")).toEqual(["C10000", "C10020"]);
    expect(numbers("balanceDue lt 1500")).toEqual(["C10010"]);
    expect(numbers("balanceDue le 1500")).toEqual(["C10000", "C10010"]);
    expect(numbers("balanceDue gt -1 and balanceDue lt 1e5")).toHaveLength(3);
    expect(numbers("balanceDue eq 25000.5")).toEqual(["C10020"]);
  });

  it("combines with and, or, not and parentheses, and has the usual precedence", () => {
    expect(numbers("balanceDue gt 1000 and blocked eq ' '")).toEqual(["C10000", "C10020"]);
    expect(numbers("number eq 'C10000' or number eq 'C10010' and blocked eq ' '")).toEqual(["C10000"]);
    expect(numbers("(number eq 'C10000' or number eq 'C10010') and blocked eq ' '")).toEqual(["C10000"]);
    expect(numbers("not (blocked eq 'All')")).toEqual(["C10000", "C10020"]);
    expect(numbers("not taxLiable")).toEqual(["C10010"]);
    expect(numbers("taxLiable eq true and not (creditLimit lt balanceDue)")).toEqual(["C10000"]);
    expect(numbers("balanceDue GT 1000 AND blocked EQ ' '")).toEqual(["C10000", "C10020"]);
  });

  it("has text functions that ignore case", () => {
    expect(numbers("contains(displayName, 'hotel')")).toEqual(["C10010"]);
    expect(numbers("startswith(displayName, 'alder')")).toEqual(["C10000"]);
    expect(numbers("endswith(displayName, 'INC.')")).toEqual(["C10010"]);
    expect(numbers("substringof('studio', displayName)")).toEqual(["C10020"]);
    expect(numbers("tolower(displayName) eq 'beacon hotels inc.'")).toEqual(["C10010"]);
    expect(numbers("length(number) eq 6 and indexof(displayName, 'o') eq 0")).toEqual(["C10020"]);
    expect(numbers("contains(displayName, 'hotel') eq false")).toEqual(["C10000", "C10020"]);
  });

  it("reads string, number, boolean, null, date, date-time and GUID literals", () => {
    expect(numbers("displayName eq 'O''Brien Studios'")).toEqual(["C10020"]);
    expect(numbers("taxLiable eq false")).toEqual(["C10010"]);
    expect(numbers("displayName eq null")).toEqual([]);
    expect(numbers("displayName ne null")).toHaveLength(3);
    expect(numbers("postingDate ge 2026-01-01")).toEqual(["C10000", "C10020"]);
    expect(numbers("postingDate eq 2026-01-05")).toEqual(["C10020"]);
    expect(numbers("modifiedAt lt 2026-01-02T10:00:00Z")).toEqual(["C10000", "C10010"]);
    expect(numbers("modifiedAt ge 2026-01-05")).toEqual(["C10020"]);
    expect(numbers("year(postingDate) eq 2025")).toEqual(["C10010"]);
    expect(numbers("id eq aaaaaaaa-2222-4333-8444-555555555555")).toEqual(["C10010"]);
    expect(numbers("code eq 1010")).toEqual(["C10010"]);
    expect(numbers("number in ('C10000', 'C10020')")).toEqual(["C10000", "C10020"]);
  });

  it("resolves field names case-insensitively", () => {
    expect(numbers("BalanceDue gt 20000")).toEqual(["C10020"]);
  });

  it("explains a bad filter with its position", () => {
    const error = (filter: string): string => {
      try {
        parseFilter(filter, FIELDS);
      } catch (caught) {
        expect(caught).toBeInstanceOf(ODataError);
        return (caught as Error).message;
      }
      throw new Error(`'${filter}' parsed`);
    };
    expect(error("amount gt 5")).toBe("Unknown field 'amount' (at position 1)");
    expect(error("number eq 'C1")).toBe("Unterminated text literal (at position 11)");
    expect(error("number eq")).toBe("The filter ends too early (at position 10)");
    expect(error("(number eq 'a'")).toMatch(/^Expected '\)' but found end of filter/);
    expect(error("number eq 'a' 'b'")).toMatch(/^Unexpected value "b"/);
    expect(error("contains(displayName)")).toMatch(/^contains\(\) takes 2 arguments, not 1/);
    expect(error("frobnicate(number)")).toMatch(/^Unknown function 'frobnicate'/);
    expect(error("number eq #")).toMatch(/^Unexpected character '#'/);
    expect(error("and number eq 'a'")).toMatch(/^Expected a field or a value before 'and'/);
  });
});

describe("$orderby", () => {
  it("sorts by several keys, ascending unless desc", () => {
    const keys = parseOrderBy("blocked desc, balanceDue", FIELDS);
    expect(sortRecords(records, keys).map((r) => r.number)).toEqual(["C10010", "C10000", "C10020"]);
    expect(sortRecords(records, parseOrderBy("displayName DESC", FIELDS)).map((r) => r.number)).toEqual([
      "C10020",
      "C10010",
      "C10000",
    ]);
  });

  it("refuses unknown fields and directions", () => {
    expect(() => parseOrderBy("price", FIELDS)).toThrow("Unknown field 'price'");
    expect(() => parseOrderBy("number sideways", FIELDS)).toThrow("Expected asc or desc after 'number'");
  });
});
