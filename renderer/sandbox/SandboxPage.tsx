import "./sandbox.css";
import { useEffect } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { useDocumentTitle } from "../app/document-title";
import { type MessageKey, t } from "../i18n";
import { ActAsPicker } from "./ActAsPicker";
import { ArmedTestsBanner } from "./ArmedTestsBanner";
import { ApprovalsPage } from "./approvals/ApprovalsPage";
import { RecordCardPage } from "./bc/RecordCardPage";
import { RecordListPage } from "./bc/RecordListPage";
import { TablesPage } from "./bc/TablesPage";
import { ExcelPage } from "./excel/ExcelPage";
import { NotificationsPage } from "./notifications/NotificationsPage";
import { OutlookPage } from "./outlook/OutlookPage";
import { ErrorBanner } from "./parts/ErrorBanner";
import { SandboxTabs } from "./SandboxTabs";
import { useSandbox } from "./sandbox-store";
import { SimulationNotice } from "./simulation/SimulationNotice";
import { SimulationPage } from "./simulation/SimulationPage";
import { TeamsPage } from "./teams/TeamsPage";
import { useSandboxChanges } from "./use-sandbox-data";

const SECTION_TITLES: Readonly<Record<string, MessageKey>> = {
  bc: "sandbox.tab.bc",
  approvals: "sandbox.tab.approvals",
  outlook: "sandbox.tab.outlook",
  teams: "sandbox.tab.teams",
  excel: "sandbox.tab.excel",
  notifications: "sandbox.tab.notifications",
  simulation: "sandbox.tab.simulation",
};

/**
 * The connector sandbox: the demo company's Business Central, each person's approvals, mail,
 * Teams and notifications, the Excel workbooks, and the simulation's controls. Mounted at /sandbox
 * as a nested router, so the routes below are relative to it (/sandbox/bc/purchaseInvoices/…).
 */
export function SandboxPage() {
  // The window says which part of the sandbox is open: "Outlook · Sandbox — Flowsmith".
  const [location] = useLocation();
  const section = SECTION_TITLES[location.split("/")[1] ?? ""];
  useDocumentTitle(section ? `${t(section)} · ${t("nav.sandbox")}` : t("nav.sandbox"));
  const { overview, overviewError, loadOverview, loadTables } = useSandbox();

  useEffect(() => {
    void loadOverview();
    void loadTables();
  }, [loadOverview, loadTables]);
  // Record counts move with every created or deleted record; a reset brings the demo data back.
  useSandboxChanges(
    (c) => c.type === "record.created" || c.type === "record.deleted",
    () => void loadTables(),
    500,
  );

  return (
    <div className="sbx">
      <header className="sbx-header">
        <div className="sbx-header-title">
          <h1>{t("sandbox.title")}</h1>
          {overview && <span className="muted">{overview.company}</span>}
        </div>
        <ActAsPicker />
      </header>
      <SandboxTabs />
      <SimulationNotice />
      <ArmedTestsBanner />
      {overviewError !== undefined && !overview ? (
        <div className="sbx-body">
          <ErrorBanner error={overviewError} onRetry={() => void loadOverview()} />
        </div>
      ) : !overview ? (
        <p className="muted sbx-body">{t("common.loading")}</p>
      ) : (
        <Switch>
          <Route path="/">
            <Redirect to="/bc" replace />
          </Route>
          <Route path="/bc" component={TablesPage} />
          <Route path="/bc/:table">
            {(params) => <RecordListPage key={params.table} table={params.table} />}
          </Route>
          <Route path="/bc/:table/:id">
            {(params) => (
              <RecordCardPage key={`${params.table}/${params.id}`} table={params.table} id={params.id} />
            )}
          </Route>
          <Route path="/approvals/:box?/:id?">
            {(params) => <ApprovalsPage box={params.box} id={params.id} />}
          </Route>
          <Route path="/outlook" component={OutlookPage} />
          <Route path="/teams/:kind?/:id?">
            {(params) => <TeamsPage kind={params.kind} id={params.id} />}
          </Route>
          <Route path="/excel/:tableId?">{(params) => <ExcelPage tableId={params.tableId} />}</Route>
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/simulation" component={SimulationPage} />
          <Route>
            <Redirect to="/bc" replace />
          </Route>
        </Switch>
      )}
    </div>
  );
}
