// Excel Online (Business) (shared_excelonlinebusiness): rows into the sandbox's workbooks.
import { type ConnectorHandlers, ok, originOf } from "./handler";

export const excel: ConnectorHandlers = {
  AddRowV2(params, call, services) {
    params.string("source");
    const row = services.excel.addRow(
      { drive: params.string("drive"), file: params.string("file"), table: params.string("table") },
      params.fields("item"),
      originOf(call),
    );
    return ok({ ...row.values, ItemInternalId: row.id });
  },
};
