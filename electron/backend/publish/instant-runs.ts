// The Automate menu of a sandbox page and the runs it starts: which enabled instant flows a page
// offers, and the engine's start arguments for "Continue" in the Run flow pane (one run per
// selected record for "For a selected record" flows, one run for the others).
import { ApiError } from "../../../shared/api";
import type { StartRunArgs } from "../engine";
import type { Sandbox } from "../sandbox";
import { formValues, instantOutputs, offeredOn } from "../triggers/instant";
import { BC_PAGES, pageTitle, tableOfPage } from "../triggers/pages";
import type { LiveWorkflow } from "./live";
import type { InstantFlowEntry, RunInstantArgs } from "./types";

/** The sandbox table a page argument names, or invalid_input. */
export function pageTable(page: string): string {
  const table = tableOfPage(page);
  if (!table)
    throw new ApiError({
      code: "invalid_input",
      message: `'${page}' is not a page of the sandbox's Business Central (try "vendors" or "table23").`,
    });
  return table;
}

/** The page's own flows first, then those offered everywhere; each group by name. */
export function instantEntries(workflows: Iterable<LiveWorkflow>, table: string): InstantFlowEntry[] {
  const entries: InstantFlowEntry[] = [];
  for (const workflow of workflows) {
    const instant = workflow.facts.instant;
    if (!instant || instant.kind === "http" || !offeredOn(instant, table)) continue;
    entries.push({
      flowId: workflow.flowId,
      name: workflow.name,
      version: workflow.version,
      fields: instant.fields,
      everywhere: instant.pages.everywhere,
      trigger: instant.kind,
    });
  }
  return entries.sort(
    (a, b) => Number(a.everywhere) - Number(b.everywhere) || a.name.localeCompare(b.name, "en"),
  );
}

/** The runs "Continue" starts; throws invalid_input / not_found naming what is missing. */
export function instantRuns(
  workflow: LiveWorkflow,
  args: RunInstantArgs,
  deps: { sandbox: Sandbox; now: number },
): StartRunArgs[] {
  const instant = workflow.facts.instant;
  if (!instant)
    throw new ApiError({
      code: "invalid_input",
      message: `“${workflow.name}” is not an instant flow: it starts by itself when its trigger fires.`,
    });
  const values = formValues(instant.fields, args.inputs ?? {});
  const user = { name: args.user.name.trim(), email: args.user.email.trim() };
  if (!user.email)
    throw new ApiError({ code: "invalid_input", message: "Who runs the flow is not known (no user email)." });
  const start = (outputs: StartRunArgs["triggerOutputs"]): StartRunArgs => ({
    flow: { id: workflow.flowId, name: workflow.name, version: workflow.version },
    mode: "published",
    definition: workflow.definition,
    triggerName: workflow.facts.name,
    triggerOutputs: outputs,
  });
  const pageId = pageIdOf(args.page);

  if (instant.kind !== "selected-record") {
    return [start(instantOutputs(instant, { user, values, now: deps.now }))];
  }
  const records = args.records ?? [];
  if (records.length === 0)
    throw new ApiError({
      code: "invalid_input",
      message: `Select a record first: “${workflow.name}” runs on the record you have selected.`,
    });
  return records.map((selected) => {
    const table = tableOfPage(selected.table);
    if (!table)
      throw new ApiError({
        code: "invalid_input",
        message: `'${selected.table}' is not a table of the sandbox.`,
      });
    if (!offeredOn(instant, table))
      throw new ApiError({
        code: "invalid_input",
        message: `“${workflow.name}” is not offered on the ${pageTitle(table)} page.`,
      });
    const record = deps.sandbox.findRecord(table, selected.id);
    if (!record)
      throw new ApiError({
        code: "not_found",
        message: `The selected record '${selected.id}' was not found in ${pageTitle(table)}.`,
      });
    const id = String(record.id);
    return start(
      instantOutputs(instant, {
        user,
        values,
        now: deps.now,
        record: { table, id },
        ...(pageId === undefined ? {} : { pageId }),
      }),
    );
  });
}

/** "page26" → 26; an entity set → its list page. */
function pageIdOf(page: string | undefined): number | undefined {
  if (!page) return undefined;
  const match = /^page\s*(\d+)$/i.exec(page.trim());
  if (match) return Number(match[1]);
  const table = tableOfPage(page);
  return table ? BC_PAGES[table]?.listPage : undefined;
}
