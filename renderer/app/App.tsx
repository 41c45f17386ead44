import {
  FlaskConical,
  Globe,
  History,
  ListChecks,
  Moon,
  Settings as SettingsIcon,
  Sun,
  Workflow,
} from "lucide-react";
import { useEffect, useState } from "react";
import { Link, Redirect, Route, Router, Switch, useLocation } from "wouter";
import type { AppInfo, FlowKind } from "../../shared/api";
import { templateDefinition } from "../../shared/templates";
import { api } from "../api/client";
import { DesignerPage } from "../designer/DesignerPage";
import { VersionPage } from "../designer/VersionPage";
import { CreateFlowDialog } from "../flows/CreateFlowDialog";
import { FlowListPage } from "../flows/FlowListPage";
import { followFlowChanges, useFlows } from "../flows/flows-store";
import { TemplateGallery } from "../flows/TemplateGallery";
import { type MessageKey, t } from "../i18n";
import { MAX_COUNTED, useFailureWatch, watchFailures } from "../runs/failure-watch";
import { RunPage } from "../runs/RunPage";
import { RunsPage } from "../runs/RunsPage";
import { followRunEvents } from "../runs/run-store";
import { SandboxPage } from "../sandbox/SandboxPage";
import { SettingsPage } from "../settings/SettingsPage";
import { resolveTheme, toggleTheme, useSettings } from "../settings/settings-store";
import { Toasts } from "../ui/Toasts";
import { WorkflowListPage } from "../workflows/WorkflowListPage";
import { AboutDialog } from "./AboutDialog";
import { ConnectionBanner } from "./ConnectionBanner";
import { useCommand, useCommandSources } from "./commands";
import { useHashLocation } from "./hash-location";
import { Notices } from "./Notices";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { useUi } from "./ui-store";

const NAV: { href: string; label: MessageKey; icon: typeof Workflow }[] = [
  { href: "/flows", label: "nav.myFlows", icon: Workflow },
  { href: "/workflows", label: "nav.workflows", icon: ListChecks },
  { href: "/sandbox", label: "nav.sandbox", icon: FlaskConical },
  { href: "/runs", label: "nav.runs", icon: History },
  { href: "/settings", label: "nav.settings", icon: SettingsIcon },
];

export function App() {
  return (
    <Router hook={useHashLocation}>
      <Shell />
    </Router>
  );
}

function Shell() {
  const [location, navigate] = useLocation();
  const { settings, load: loadSettings } = useSettings();
  const failedUnseen = useFailureWatch((s) => s.unseen);
  // The Runs link says how many published runs failed since Runs was last opened.
  const linkName = (href: string, label: MessageKey) =>
    href === "/runs" && failedUnseen > 0
      ? t("nav.runsFailed", { count: Math.min(failedUnseen, MAX_COUNTED) })
      : t(label);
  const ui = useUi();
  const createFlow = useFlows((s) => s.create);
  const [info, setInfo] = useState<AppInfo>();
  const [systemDark, setSystemDark] = useState(() => resolveTheme("system") === "dark");
  const theme = settings.theme === "system" ? (systemDark ? "dark" : "light") : settings.theme;

  useCommandSources();
  useCommand("file.newFlow", ui.openCreate);
  useCommand("view.toggleDarkMode", toggleTheme);
  useCommand("help.about", ui.openAbout);
  useCommand("help.shortcuts", ui.openShortcuts);

  useEffect(() => {
    void loadSettings();
    followFlowChanges();
    followRunEvents();
    watchFailures();
    api.call("app.info", {}).then(setInfo, () => {});
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const onChange = () => setSystemDark(media.matches);
    media?.addEventListener("change", onChange);
    return () => media?.removeEventListener("change", onChange);
  }, [loadSettings]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const onCreate = async (name: string, kind: FlowKind) => {
    const flow = await createFlow(name, kind);
    ui.closeCreate();
    navigate(`/flows/${flow.id}`);
  };

  return (
    <div className="app">
      {/* The first Tab stop: past the navigation to the page, for people who work from the keyboard. */}
      <button
        type="button"
        className="skip-link"
        onClick={() => document.querySelector<HTMLElement>("main.main")?.focus()}
      >
        {t("nav.skipToContent")}
      </button>
      <nav className="nav" aria-label={t("nav.main")}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Workflow size={18} />
          </span>
          <span className="brand-name nav-label">{t("app.name")}</span>
        </div>
        <ul className="nav-list">
          {NAV.map(({ href, label, icon: Icon }) => {
            const active = location === href || location.startsWith(`${href}/`);
            const name = linkName(href, label);
            return (
              <li key={href}>
                <Link
                  href={href}
                  className={active ? "nav-link active" : "nav-link"}
                  aria-current={active ? "page" : undefined}
                  title={name}
                  aria-label={name}
                >
                  <Icon size={18} aria-hidden="true" />
                  <span className="nav-label">{t(label)}</span>
                  {href === "/runs" && failedUnseen > 0 && (
                    <span className="nav-count" data-testid="failed-runs-count">
                      {failedUnseen > MAX_COUNTED ? `${MAX_COUNTED}+` : failedUnseen}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="nav-footer">
          {info?.mode === "web" && (
            <span className="mode-badge" title={t("mode.webHint")}>
              <Globe size={14} aria-hidden="true" />
              <span className="nav-label">{t("mode.web")}</span>
            </span>
          )}
          <button
            type="button"
            className="icon-button"
            onClick={toggleTheme}
            aria-label={theme === "dark" ? t("theme.toLight") : t("theme.toDark")}
            title={t("theme.toggle")}
            data-testid="theme-toggle"
          >
            {theme === "dark" ? <Sun size={18} /> : <Moon size={18} />}
          </button>
        </div>
      </nav>
      <main className="main" tabIndex={-1}>
        <ConnectionBanner />
        {info && (
          <Notices
            notices={info.notices}
            onDismiss={(id) => setInfo({ ...info, notices: info.notices.filter((n) => n.id !== id) })}
          />
        )}
        <Switch>
          <Route path="/">
            <Redirect to="/flows" />
          </Route>
          <Route path="/flows" component={FlowListPage} />
          <Route path="/flows/:id">{(params) => <DesignerPage key={params.id} id={params.id} />}</Route>
          <Route path="/workflows" component={WorkflowListPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/flows/:id/versions/:version">
            {(params) => (
              <VersionPage
                key={`${params.id}/${params.version}`}
                id={params.id}
                version={Number(params.version)}
              />
            )}
          </Route>
          <Route path="/sandbox" nest>
            <SandboxPage />
          </Route>
          <Route path="/runs" component={RunsPage} />
          <Route path="/runs/:id">{(params) => <RunPage key={params.id} id={params.id} />}</Route>
          <Route>
            <Redirect to="/flows" />
          </Route>
        </Switch>
      </main>
      {ui.createOpen && <CreateFlowDialog onClose={ui.closeCreate} onCreate={onCreate} />}
      {ui.templatesOpen && (
        <TemplateGallery
          onClose={ui.closeTemplates}
          onUse={async (template, name) => {
            const flow = await createFlow(name, template.kind, templateDefinition(template));
            ui.closeTemplates();
            navigate(`/flows/${flow.id}`);
          }}
        />
      )}
      {ui.aboutOpen && info && <AboutDialog info={info} onClose={ui.closeAbout} />}
      {ui.shortcutsOpen && <ShortcutsDialog onClose={ui.closeShortcuts} />}
      <Toasts />
    </div>
  );
}
