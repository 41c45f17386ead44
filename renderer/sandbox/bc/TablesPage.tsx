import { Link } from "wouter";
import { t } from "../../i18n";
import { ErrorBanner } from "../parts/ErrorBanner";
import { SubHeader } from "../parts/SubHeader";
import { useSandbox } from "../sandbox-store";
import { TABLE_GROUPS } from "./bc-model";

/** Business Central's tables, grouped as its role centre would, each with its record count. */
export function TablesPage() {
  const { tables, tablesError, loadTables } = useSandbox();
  return (
    <div className="sbx-body sbx-scroll">
      <SubHeader title={t("sandbox.bc.title")} subtitle={t("sandbox.bc.subtitle")} />
      {tablesError !== undefined && !tables ? (
        <ErrorBanner error={tablesError} onRetry={() => void loadTables()} />
      ) : !tables ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <div className="sbx-table-groups">
          {TABLE_GROUPS.map((group) => (
            <section key={group.title} className="sbx-table-group" aria-label={t(group.title)}>
              <h3>{t(group.title)}</h3>
              <ul>
                {tables.filter(group.test).map((table) => (
                  <li key={table.name}>
                    <Link href={`/bc/${table.name}`} className="sbx-table-link" data-testid="bc-table">
                      <span className="sbx-table-title">{table.title}</span>
                      <span className="sbx-table-count">{table.count}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
