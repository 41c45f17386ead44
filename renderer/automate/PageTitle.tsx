import { useEffect } from "react";
import { t } from "../i18n";
import { useSandbox, useTable } from "../sandbox/sandbox-store";

/**
 * The display title of a Business Central page named by its table ("vendors" → "Vendors"), as the
 * sandbox's pages show it; the name itself until the tables are known, or for a page it lacks.
 */
export function usePageTitle(page: string): string {
  const known = useSandbox((s) => s.tables !== undefined);
  const loadTables = useSandbox((s) => s.loadTables);
  useEffect(() => {
    if (!known) void loadTables();
  }, [known, loadTables]);
  return useTable(page)?.title ?? page;
}

/** "Flows offered on the Vendors page": the Workflow list's filter from Automate → Manage flows. */
export function ForPageText({ page }: { page: string }) {
  return <>{t("workflows.forPage", { page: usePageTitle(page) })}</>;
}
