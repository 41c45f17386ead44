import type { JsonObject } from "../../../shared/json";
import { AutomateMenu } from "../../automate/AutomateMenu";
import { useActingPerson } from "../sandbox-store";
import type { TableInfo } from "./bc-model";

export interface AutomateContext {
  table: TableInfo;
  /** The record of a card page, or the rows selected on a list page. */
  records: readonly JsonObject[];
  page: "list" | "card";
}

/** The Automate action of every Business Central list, card and document page, acting as the sandbox person. */
export function AutomateSlot({ table, records }: AutomateContext) {
  const person = useActingPerson();
  if (!person) return null;
  return (
    <AutomateMenu
      table={table.name}
      tableTitle={table.title}
      records={records.map((record) => ({
        table: table.name,
        id: String(record.id ?? ""),
        label: String(record[table.numberField] ?? record.id ?? ""),
        ...nameOf(record),
      }))}
      user={{ name: person.displayName, email: person.email }}
    />
  );
}

/** The name a record goes by beside its number (a vendor's, or a document's vendor or customer), if it has one. */
function nameOf(record: JsonObject): { name?: string } {
  const name = [record.displayName, record.vendorName, record.customerName].find(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  return name ? { name } : {};
}
