import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { BC, eventsOf, failed, succeeded, testWorld } from "./test-support";

const BCC = "shared_dynamicssmbsaas";

describe("Business Central operations", () => {
  it("Get record (V3) reads by id, and 404s an unknown id or table", async () => {
    const w = testWorld();
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    const got = succeeded(
      await w.call(BCC, "GetItemV3", { ...BC, table: "purchaseInvoices", id: String(pi?.id) }),
    );
    expect(got.body).toEqual(pi);
    expect(
      failed(await w.call(BCC, "GetItemV3", { ...BC, table: "purchaseInvoices", id: "nope" })).statusCode,
    ).toBe(404);
    const table = failed(await w.call(BCC, "GetItemV3", { ...BC, table: "spaceships", id: "x" }));
    expect(table.statusCode).toBe(404);
    expect(table.error.message).toContain("spaceships");
  });

  it("needs the environment and company, naming the missing parameter", async () => {
    const w = testWorld();
    const outcome = failed(
      await w.call(BCC, "GetItemsV3", { bcenvironment: "PRODUCTION", table: "customers" }),
    );
    expect(outcome.statusCode).toBe(400);
    expect(outcome.error.message).toBe("Parameter 'company': is required.");
  });

  it("Find records (V3) filters, orders and pages, and names a bad filter", async () => {
    const w = testWorld();
    const found = succeeded(
      await w.call(BCC, "GetItemsV3", {
        ...BC,
        table: "purchaseInvoices",
        $filter: "status eq 'Open' and posted eq false and totalAmountIncludingTax gt 1000",
        $orderby: "totalAmountIncludingTax desc",
        $top: 3,
      }),
    );
    const value = found.body.value as JsonObject[];
    expect(value.length).toBe(3);
    const amounts = value.map((r) => Number(r.totalAmountIncludingTax));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(value.every((r) => r.status === "Open")).toBe(true);

    const all = succeeded(await w.call(BCC, "GetItemsV3", { ...BC, table: "customers", $orderby: "number" }));
    const skipped = succeeded(
      await w.call(BCC, "GetItemsV3", { ...BC, table: "customers", $orderby: "number", $skip: "48" }),
    );
    expect((skipped.body.value as JsonObject[]).map((r) => r.number)).toEqual(
      (all.body.value as JsonObject[]).slice(48).map((r) => r.number),
    );

    const bad = failed(await w.call(BCC, "GetItemsV3", { ...BC, table: "customers", $filter: "price gt 5" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.error.message).toBe("Parameter '$filter': Unknown field 'price' (at position 1)");
    const top = failed(await w.call(BCC, "GetItemsV3", { ...BC, table: "customers", $top: 0 }));
    expect(top.error.message).toBe("Parameter '$top': must be at least 1.");
  });

  it("Find one record (V3) takes conditions, an order, and may return nothing", async () => {
    const w = testWorld();
    const found = succeeded(
      await w.call(BCC, "GetFirstItemV3", {
        ...BC,
        table: "vendors",
        "body/Filter": [
          { FilterField: "purchaserCode", FilterOperator: "equals", FilterValue: "MB" },
          { FilterField: "displayName", FilterOperator: "contains", FilterValue: "" },
        ],
        "body/OrderField": "number",
        "body/Order": "descending",
      }),
    );
    const mb = w.sandbox.listRecords("vendors", { filter: "purchaserCode eq 'MB'", orderBy: "number desc" })
      .items[0];
    expect(found.body.number).toBe(mb?.number);

    const filter = [{ FilterField: "creditLimit", FilterOperator: "greater than", FilterValue: "999999999" }];
    expect(
      failed(await w.call(BCC, "GetFirstItemV3", { ...BC, table: "customers", "body/Filter": filter }))
        .statusCode,
    ).toBe(404);
    const empty = succeeded(
      await w.call(BCC, "GetFirstItemV3", {
        ...BC,
        table: "customers",
        "body/Filter": filter,
        "body/NoThrowError": true,
      }),
    );
    expect(empty.body).toEqual({});
    const bad = failed(
      await w.call(BCC, "GetFirstItemV3", {
        ...BC,
        table: "customers",
        "body/Filter": [{ FilterField: "colour", FilterOperator: "equals", FilterValue: "red" }],
      }),
    );
    expect(bad.error.message).toBe(
      "Parameter 'body/Filter/0/FilterField': table customers has no field 'colour'.",
    );
  });

  it("Create record (V3) numbers the record, fills it from its party and raises record.created", async () => {
    const w = testWorld();
    const created = succeeded(
      await w.call(BCC, "PostItemV3", {
        ...BC,
        table: "purchaseInvoices",
        "item/vendorNumber": "V20010",
        "item/vendorInvoiceNumber": "X-1",
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.body).toMatchObject({
      number: "PI-1026",
      vendorNumber: "V20010",
      purchaser: "NH",
      status: "Open",
      posted: false,
      invoiceDate: "2026-01-05",
      dueDate: "2026-02-04",
      totalAmountIncludingTax: 0,
      systemModifiedAt: "2026-01-05T08:00:00.000Z",
    });
    expect(created.body.vendorName).toBe(w.sandbox.findRecord("vendors", "V20010")?.displayName);
    const [event] = eventsOf(w.events, "record.created");
    expect(event).toMatchObject({
      table: "purchaseInvoices",
      number: "PI-1026",
      origin: { kind: "flow", flowId: "flow-1" },
    });

    const nested = succeeded(
      await w.call(BCC, "PostItemV3", {
        ...BC,
        table: "customers",
        item: { displayName: "Nested Ltd.", creditLimit: "2500.50" },
      }),
    );
    expect(nested.body).toMatchObject({
      number: "C10500",
      displayName: "Nested Ltd.",
      creditLimit: 2500.5,
      blocked: " ",
    });
  });

  it("Create record (V3) refuses unknown, read-only and ill-typed fields and a missing party", async () => {
    const w = testWorld();
    const post = (item: JsonObject, table = "customers") => w.call(BCC, "PostItemV3", { ...BC, table, item });
    expect(failed(await post({ colour: "red" })).error.message).toBe(
      "Parameter 'item/colour': table customers has no field 'colour'.",
    );
    expect(failed(await post({ balanceDue: 5 })).error.message).toBe(
      "Parameter 'item/balanceDue': is read-only: Business Central sets it.",
    );
    expect(failed(await post({ creditLimit: "lots" })).error.message).toMatch(
      /^Parameter 'item\/creditLimit': must be a number/,
    );
    expect(failed(await post({ blocked: "Sometimes" })).error.message).toMatch(
      /^Parameter 'item\/blocked': 'Sometimes' is not one of/,
    );
    expect(failed(await post({ number: "C10000" })).statusCode).toBe(409);
    expect(failed(await post({}, "salesOrders")).error.message).toBe(
      "Parameter 'item/customerNumber': is required.",
    );
    expect(failed(await post({ customerNumber: "C99999" }, "salesOrders")).error.message).toBe(
      "Parameter 'item/customerNumber': there is no customer 'C99999'.",
    );
    expect(w.events).toHaveLength(0);
  });

  it("adds lines to a document and keeps its totals", async () => {
    const w = testWorld();
    const order = w.sandbox.createRecord(
      "salesOrders",
      { customerNumber: "C10000" },
      "sophie.laurent@cronus-demo.example",
    );
    const item = w.sandbox.findRecord("items", "1000");
    const line = succeeded(
      await w.call(BCC, "PostItemV3", {
        ...BC,
        table: "salesOrderLines",
        item: { documentId: String(order.id), lineObjectNumber: "1000", quantity: 3 },
      }),
    );
    expect(line.body).toMatchObject({
      itemId: item?.id,
      description: item?.displayName,
      unitPrice: item?.unitPrice,
      taxPercent: 10,
    });
    const expected = Math.round(Number(item?.unitPrice) * 3 * 1.1 * 100) / 100;
    expect(w.sandbox.getRecord("salesOrders", String(order.id)).totalAmountIncludingTax).toBeCloseTo(
      expected,
      2,
    );
    const modified = eventsOf(w.events, "record.modified").find((e) => e.table === "salesOrders");
    expect(modified?.changedFields).toEqual([
      "totalAmountExcludingTax",
      "totalTaxAmount",
      "totalAmountIncludingTax",
    ]);
  });

  it("refuses a negative quantity and an invoice discount outside the lines' amount, naming the field", async () => {
    const w = testWorld();
    const order = w.sandbox.createRecord(
      "salesOrders",
      { customerNumber: "C10000" },
      "sophie.laurent@cronus-demo.example",
    );
    const negative = failed(
      await w.call(BCC, "PostItemV3", {
        ...BC,
        table: "salesOrderLines",
        item: { documentId: String(order.id), lineObjectNumber: "1000", quantity: -5 },
      }),
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.error.message).toContain("quantity");
    expect(negative.error.message).toContain("must not be negative");
    w.sandbox.createRecord(
      "salesOrderLines",
      { documentId: String(order.id), lineObjectNumber: "1000", quantity: 1 },
      "sophie.laurent@cronus-demo.example",
    );
    const lines = Number(w.sandbox.getRecord("salesOrders", String(order.id)).totalAmountExcludingTax);
    const update = (discountAmount: number) =>
      w.call(BCC, "PatchItemV3", {
        ...BC,
        table: "salesOrders",
        id: String(order.id),
        item: { discountAmount },
      });
    expect(failed(await update(-50)).error.message).toContain("must not be negative");
    expect(failed(await update(lines + 1)).error.message).toContain("is more than the lines' amount");
    // Nothing was written by the refusals; a discount within the amount is.
    expect(w.sandbox.getRecord("salesOrders", String(order.id)).totalAmountExcludingTax).toBe(lines);
    succeeded(await update(1));
    expect(w.sandbox.getRecord("salesOrders", String(order.id)).totalAmountExcludingTax).toBeCloseTo(
      lines - 1,
      2,
    );
  });

  it("Update record (V3) changes only the given fields and raises record.modified with them", async () => {
    const w = testWorld();
    const vendor = w.sandbox.findRecord("vendors", "V20000");
    const updated = succeeded(
      await w.call(BCC, "PatchItemV3", {
        ...BC,
        table: "vendors",
        id: String(vendor?.id),
        "item/blocked": "Payment",
        "item/city": vendor?.city ?? "",
      }),
    );
    const now = "2026-01-05T08:00:00.000Z";
    expect(updated.body).toEqual({
      ...vendor,
      blocked: "Payment",
      systemModifiedAt: now,
      lastModifiedDateTime: now,
    });
    const [event] = eventsOf(w.events, "record.modified");
    expect(event?.changedFields).toEqual(["blocked"]);
    expect(event?.previous.blocked).toBe(" ");

    // Nothing changed: no event.
    await w.call(BCC, "PatchItemV3", {
      ...BC,
      table: "vendors",
      id: String(vendor?.id),
      "item/blocked": "Payment",
    });
    expect(eventsOf(w.events, "record.modified")).toHaveLength(1);
    expect(
      failed(await w.call(BCC, "PatchItemV3", { ...BC, table: "vendors", id: "nope", "item/city": "X" }))
        .statusCode,
    ).toBe(404);
  });

  it("changes a document's status, but not its other fields unless it is Open", async () => {
    const w = testWorld();
    const released = w.sandbox.listRecords("purchaseOrders", { filter: "status eq 'Released'" }).items[0];
    const id = String(released?.id);
    const edit = failed(
      await w.call(BCC, "PatchItemV3", { ...BC, table: "purchaseOrders", id, "item/discountAmount": 10 }),
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.error.message).toContain("must be Open to change discountAmount");
    const reopened = succeeded(
      await w.call(BCC, "PatchItemV3", { ...BC, table: "purchaseOrders", id, "item/status": "Open" }),
    );
    expect(reopened.body.status).toBe("Open");
    const posted = w.sandbox.listRecords("purchaseInvoices", { filter: "posted eq true" }).items[0];
    const refused = failed(
      await w.call(BCC, "PatchItemV3", {
        ...BC,
        table: "purchaseInvoices",
        id: String(posted?.id),
        "item/status": "Open",
      }),
    );
    expect(refused.error.message).toContain("is posted and cannot be changed");
  });

  it("Delete record (V3) refuses a document pending approval: its request would wait on nothing", async () => {
    const w = testWorld();
    const invoice = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    w.sandbox.sendForApproval("purchaseInvoices", String(invoice?.id), "marcus.bell@cronus-demo.example");
    const refused = failed(
      await w.call(BCC, "DeleteItemV3", { ...BC, table: "purchaseInvoices", id: String(invoice?.id) }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.error.message).toBe(
      "Purchase invoice PI-1001 is pending approval; cancel the approval request first.",
    );
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")).toBeDefined();
  });

  it("Delete record (V3) deletes the record and its lines and raises record.deleted", async () => {
    const w = testWorld();
    const quote = w.sandbox.findRecord("salesQuotes", "SQ-1001");
    const lines = w.sandbox.documentLines("salesQuotes", String(quote?.id));
    const deleted = succeeded(
      await w.call(BCC, "DeleteItemV3", { ...BC, table: "salesQuotes", id: String(quote?.id) }),
    );
    expect(deleted.statusCode).toBe(204);
    expect(w.sandbox.findRecord("salesQuotes", "SQ-1001")).toBeUndefined();
    const events = eventsOf(w.events, "record.deleted");
    expect(events.map((e) => e.table)).toEqual([...lines.map(() => "salesQuoteLines"), "salesQuotes"]);
    expect(events.at(-1)?.record.number).toBe("SQ-1001");
    expect(
      failed(await w.call(BCC, "DeleteItemV3", { ...BC, table: "salesQuotes", id: String(quote?.id) }))
        .statusCode,
    ).toBe(404);
  });

  it("posts a document without a posting date on the work date", () => {
    const w = testWorld();
    const marcus = "marcus.bell@cronus-demo.example";
    const id = String(w.sandbox.findRecord("purchaseInvoices", "PI-1002")?.id);
    w.sandbox.updateRecord("purchaseInvoices", id, { postingDate: "" }, marcus);
    expect(w.sandbox.runAction("purchaseInvoices", id, "post", marcus)).toMatchObject({
      posted: true,
      postingDate: "2026-01-05",
    });
  });

  it("Run action (V3) releases, reopens and posts documents", async () => {
    const w = testWorld();
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    const vendorBefore = Number(w.sandbox.findRecord("vendors", "V20000")?.balance);
    const run = (procedure: string) =>
      w.call(BCC, "ExecuteProcedureV3", { ...BC, procedure, "parameters/id": String(pi?.id) });
    expect(succeeded(await run("purchaseInvoices/Microsoft.NAV.release")).body.status).toBe("Released");
    expect(succeeded(await run("purchaseInvoices/Microsoft.NAV.reopen")).body.status).toBe("Open");
    const posted = succeeded(await run("purchaseInvoices/Microsoft.NAV.post"));
    // On the document's own posting date, not the day it was posted.
    expect(posted.body).toMatchObject({ posted: true, postingDate: pi?.postingDate });
    expect(pi?.postingDate).not.toBe("2026-01-05");
    expect(Number(w.sandbox.findRecord("vendors", "V20000")?.balance)).toBeCloseTo(
      vendorBefore + Number(pi?.totalAmountIncludingTax),
      2,
    );
    expect(failed(await run("purchaseInvoices/Microsoft.NAV.post")).statusCode).toBe(409);

    const unknown = failed(await run("purchaseInvoices/Microsoft.NAV.teleport"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.error.message).toContain(
      "actions: release, reopen, post, sendForApproval, cancelApprovalRequest",
    );
    expect(failed(await run("post")).error.message).toContain("Parameter 'procedure'");
  });

  it("Run action (V3) turns a quote into an order, and posting an order makes a posted invoice", async () => {
    const w = testWorld();
    const quote = w.sandbox.findRecord("salesQuotes", "SQ-1002");
    const order = succeeded(
      await w.call(BCC, "ExecuteProcedureV3", {
        ...BC,
        procedure: "salesQuotes/makeOrder",
        "parameters/id": String(quote?.id),
      }),
    );
    expect(order.body).toMatchObject({
      number: "SO-1016",
      customerNumber: quote?.customerNumber,
      status: "Open",
    });
    expect(order.body.totalAmountIncludingTax).toBeCloseTo(Number(quote?.totalAmountIncludingTax), 2);
    expect(w.sandbox.findRecord("salesQuotes", "SQ-1002")).toBeUndefined();
    const invoice = succeeded(
      await w.call(BCC, "ExecuteProcedureV3", {
        ...BC,
        procedure: "salesOrders/Microsoft.NAV.post",
        "parameters/id": String(order.body.id),
      }),
    );
    expect(invoice.body).toMatchObject({ number: "SI-1026", orderNumber: "SO-1016", posted: true });
    expect(w.sandbox.findRecord("salesOrders", "SO-1016")).toBeUndefined();
  });

  it("Run action (V3) posts a journal batch, whose lines then leave it", async () => {
    const w = testWorld();
    const journal = w.sandbox.findRecord("journals", "PAYMENTS");
    const result = succeeded(
      await w.call(BCC, "ExecuteProcedureV3", {
        ...BC,
        procedure: "journals/Microsoft.NAV.post",
        "parameters/id": String(journal?.id),
      }),
    );
    expect(result.body.postedLines).toBe(8);
    expect(
      w.sandbox.listRecords("journalLines", { filter: `journalId eq '${String(journal?.id)}'` }).total,
    ).toBe(0);
  });

  it("does not offer triggers as steps", async () => {
    const w = testWorld();
    const outcome = failed(
      await w.call(BCC, "CreateOnNewItemsSubscriptionV3", { ...BC, table: "customers" }),
    );
    expect(outcome.statusCode).toBe(501);
    expect(outcome.error.message).toContain("is a trigger");
  });
});
