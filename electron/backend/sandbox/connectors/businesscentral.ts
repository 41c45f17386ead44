// Dynamics 365 Business Central (shared_dynamicssmbsaas): records and their actions.
import { isJsonObject, type JsonValue } from "../../../../shared/json";
import { badParameter, notFound } from "../errors";
import type { FilterExpr } from "../odata-filter";
import { matchesFilter } from "../odata-filter";
import type { Params } from "../params";
import { sortRecords } from "../query";
import { coerceField } from "../record-fields";
import type { Services } from "../services";
import { fieldOf, type SandboxTable } from "../tables";
import { type ConnectorHandlers, ok, originOf } from "./handler";

/**
 * The environment and company a step names. The sandbox has one of each, so any value is taken to
 * mean them (a flow imported from a real tenant names its own), but they must be given.
 */
function scope(params: Params): void {
  params.string("bcenvironment");
  params.string("company");
}

function tableOf(params: Params, services: Services): SandboxTable {
  const name = params.string("table");
  return services.bc.table(name);
}

const OPERATORS: Record<string, "eq" | "ne" | "lt" | "gt" | "le" | "ge" | "contains"> = {
  equals: "eq",
  "not equals": "ne",
  contains: "contains",
  "less than": "lt",
  "greater than": "gt",
  "less than or equals": "le",
  "greater than or equals": "ge",
};

/** Find one record's conditions as a filter expression, each checked against the table. */
function conditions(params: Params, table: SandboxTable): FilterExpr[] {
  const list = params.optionalArray("body/Filter") ?? [];
  return list.map((entry, index): FilterExpr => {
    const at = `body/Filter/${index}`;
    if (!isJsonObject(entry))
      throw badParameter(at, "must be a condition with FilterField, FilterOperator and FilterValue.");
    const name = typeof entry.FilterField === "string" ? entry.FilterField.trim() : "";
    const field =
      fieldOf(table, name) ?? table.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) throw badParameter(`${at}/FilterField`, `table ${table.name} has no field '${name}'.`);
    const operatorText =
      typeof entry.FilterOperator === "string" ? entry.FilterOperator.trim().toLowerCase() : "equals";
    const op = OPERATORS[operatorText];
    if (!op)
      throw badParameter(`${at}/FilterOperator`, `'${String(entry.FilterOperator)}' is not an operator.`);
    const raw: JsonValue = entry.FilterValue ?? "";
    const value = op === "contains" ? String(raw) : coerceField(field, raw, `${at}/FilterValue`);
    const literal = { type: "literal", value: typeof value === "object" ? null : value } as const;
    const left = { type: "field", name: field.name } as const;
    return op === "contains"
      ? { type: "call", name: "contains", args: [left, literal] }
      : { type: "compare", op, left, right: literal };
  });
}

export const businessCentral: ConnectorHandlers = {
  GetItemV3(params, _call, services) {
    scope(params);
    const table = tableOf(params, services);
    return ok(services.bc.get(table.name, params.string("id")));
  },

  GetItemsV3(params, _call, services) {
    scope(params);
    const table = tableOf(params, services);
    const top = params.optionalInteger("$top", 1);
    const skip = params.optionalInteger("$skip", 0);
    const { records } = services.bc.find(table.name, {
      ...(params.optionalString("$filter") !== undefined ? { filter: params.optionalString("$filter") } : {}),
      ...(params.optionalString("$orderby") !== undefined
        ? { orderBy: params.optionalString("$orderby") }
        : {}),
      ...(top !== undefined ? { top } : {}),
      ...(skip !== undefined ? { skip } : {}),
    });
    return ok({ value: records });
  },

  GetFirstItemV3(params, _call, services) {
    scope(params);
    const table = tableOf(params, services);
    const tests = conditions(params, table);
    let records = services.bc.records
      .list(table.name)
      .filter((record) => tests.every((t) => matchesFilter(t, record)));
    const orderField = params.optionalString("body/OrderField")?.trim();
    if (orderField) {
      const field =
        fieldOf(table, orderField) ??
        table.fields.find((f) => f.name.toLowerCase() === orderField.toLowerCase());
      if (!field) throw badParameter("body/OrderField", `table ${table.name} has no field '${orderField}'.`);
      const order = (params.optionalString("body/Order") ?? "ascending").toLowerCase();
      if (order !== "ascending" && order !== "descending") {
        throw badParameter("body/Order", "must be ascending or descending.");
      }
      records = sortRecords(records, [{ field: field.name, descending: order === "descending" }]);
    }
    const first = records[0];
    if (first) return ok(first);
    if (params.boolean("body/NoThrowError", false)) return ok({});
    throw notFound(`No ${table.title.toLowerCase()} record meets the conditions.`);
  },

  PostItemV3(params, call, services) {
    scope(params);
    const table = tableOf(params, services);
    return ok(services.bc.create(table.name, params.fields("item"), originOf(call)), 201);
  },

  PatchItemV3(params, call, services) {
    scope(params);
    const table = tableOf(params, services);
    return ok(services.bc.update(table.name, params.string("id"), params.fields("item"), originOf(call)));
  },

  DeleteItemV3(params, call, services) {
    scope(params);
    const table = tableOf(params, services);
    services.bc.delete(table.name, params.string("id"), originOf(call));
    return ok(null, 204);
  },

  ExecuteProcedureV3(params, call, services) {
    scope(params);
    const procedure = params.string("procedure").trim();
    const slash = procedure.indexOf("/");
    if (slash <= 0 || slash === procedure.length - 1) {
      throw badParameter(
        "procedure",
        "must name the table and its action, e.g. salesInvoices/Microsoft.NAV.post.",
      );
    }
    const result = services.actions.run(
      procedure.slice(0, slash),
      params.string("parameters/id"),
      procedure.slice(slash + 1),
      originOf(call),
      services.connectionUser(),
    );
    return ok(result);
  },
};
