// Excel Online (Business) (shared_excelonlinebusiness): add a row to a table of a workbook kept in
// OneDrive or a SharePoint library.
import { input, managedConnector, output } from "./define";

export const excel = managedConnector({
  id: "shared_excelonlinebusiness",
  displayName: "Excel Online (Business)",
  description: "Work with tables in Excel workbooks stored in OneDrive or SharePoint.",
  group: "Excel",
  color: "#107c41",
  icon: "sheet",
  operations: [
    {
      operationId: "AddRowV2",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Add a row into a table",
      description: "Adds a row at the end of a table in an Excel workbook.",
      inputs: [
        input("source", "Location", "string", "OneDrive for Business, or a SharePoint site.", {
          required: true,
          default: "me",
          allowCustom: true,
          enum: [{ value: "me", title: "OneDrive for Business" }],
        }),
        input("drive", "Document library", "string", "The document library that holds the workbook.", {
          required: true,
        }),
        input("file", "File", "string", "The workbook, e.g. /Reports/Approvals.xlsx.", { required: true }),
        input("table", "Table", "string", "The name of the table in the workbook.", { required: true }),
        input("item", "Row", "object", "The values of the new row, by column name.", {
          required: true,
          dynamicFields: "excel-row",
        }),
      ],
      outputs: [output("body", "Row", "object", "The row as added, by column name.")],
      keywords: ["spreadsheet", "workbook", "log", "append"],
    },
  ],
});
