// The records a number box may name (vendors for "Vendor no.", items for "Item no."), for the
// box's suggestions: loaded once per table while a card or dialog shows such a box.
import { useMemo } from "react";
import { api } from "../../api/client";
import { useLoad } from "../use-sandbox-data";
import { recordName } from "./bc-model";
import type { LookupOption } from "./FieldInput";

/** Suggestions are a help: without them the number is still typed, and a wrong one is named. */
const LIMIT = 500;

export function useLookup(table: string | undefined): LookupOption[] | undefined {
  const loaded = useLoad(table ? `lookup/${table}` : undefined, () =>
    api.call("sandbox.records.list", { table: table ?? "", top: LIMIT }),
  );
  return useMemo(
    () =>
      loaded.data?.items.map((record) => ({
        value: String(record.number ?? ""),
        label: recordName(record),
      })),
    [loaded.data],
  );
}
