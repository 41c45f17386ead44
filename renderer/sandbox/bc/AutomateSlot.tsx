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
      }))}
      user={{ name: person.displayName, email: person.email }}
    />
  );
}
