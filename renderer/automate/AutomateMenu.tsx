import { ChevronDown, Zap } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useLocation } from "wouter";
import type { InstantFlow } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { singularTitle } from "../sandbox/bc/bc-model";
import { useSettings } from "../settings/settings-store";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";
import { AutomateMenuList } from "./AutomateMenuList";
import { RunFlowPane } from "./RunFlowPane";

export interface AutomateMenuProps {
  /** The Business Central table (entity set) of the page: "vendors". */
  table: string;
  tableTitle: string;
  /** label: the record's number; name: what it is called, when it has a name ("Birch Logistics Co."). */
  records: { table: string; id: string; label: string; name?: string }[];
  user: { name: string; email: string };
}

/**
 * The Automate action of Business Central's pages: the privacy statement the first time, then the
 * instant flows offered on this page, Create a flow and Manage flows.
 */
export function AutomateMenu({ table, tableTitle, records, user }: AutomateMenuProps) {
  const consent = useSettings((s) => s.settings.automateConsent);
  const automateEnabled = useSettings((s) => s.settings.automateEnabled);
  const isAdmin = useSettings((s) => s.settings.role === "admin");
  const update = useSettings((s) => s.update);
  /** Open, and which item takes the focus once the flows are there (↑ on the button: the last). */
  const [open, setOpen] = useState<false | "first" | "last">(false);
  const [consentOpen, setConsentOpen] = useState(false);
  const [running, setRunning] = useState<InstantFlow>();
  const [, navigate] = useLocation();
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const onButton = () => {
    if (consent === "unknown") setConsentOpen(true);
    else setOpen(open ? false : "first");
  };
  const onButtonKey = (event: React.KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    if (consent === "unknown") setConsentOpen(true);
    else setOpen(event.key === "ArrowUp" ? "last" : "first");
  };
  /** Escape and Tab give the focus back to the button; a choice decides where it goes. */
  const close = (focusReturn: boolean) => {
    setOpen(false);
    if (focusReturn) button.current?.focus();
  };

  const createFlow = async () => {
    close(true);
    try {
      const flow = await api.call("automate.newFlow", { page: table });
      navigate(`~/flows/${flow.id}`);
    } catch (cause) {
      toast.error(describeError(cause));
    }
  };

  /** Closes the menu for another page of the app. */
  const leaveFor = (path: string) => {
    setOpen(false);
    navigate(path);
  };

  // "Vendor V20010 · Birch Logistics Co." for one record; "Vendors V20010, V30000" for several.
  const [only] = records;
  const recordsLabel =
    records.length === 0
      ? tableTitle
      : records.length === 1 && only
        ? // A name ending in "Ltd." ends the sentence too: one full stop, not two.
          `${singularTitle(tableTitle)} ${only.label}${only.name ? ` · ${only.name.replace(/\.$/, "")}` : ""}`
        : `${tableTitle} ${records.map((r) => r.label).join(", ")}`;

  return (
    <div className="menu-root automate">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        onClick={onButton}
        onKeyDown={onButtonKey}
      >
        <Zap size={15} aria-hidden="true" /> {t("automate.button")}{" "}
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <AutomateMenuList
          id={menuId}
          table={table}
          tableTitle={tableTitle}
          focus={open}
          state={
            consent === "declined" ? "declined" : !automateEnabled ? (isAdmin ? "offByYou" : "off") : "on"
          }
          anchor={button}
          onClose={close}
          onRun={(flow) => {
            // The Run flow pane gives the focus back to the button when it closes.
            close(true);
            setRunning(flow);
          }}
          onCreate={() => void createFlow()}
          onLeave={leaveFor}
        />
      )}
      {consentOpen && (
        <Dialog title={t("automate.privacyTitle")} onClose={() => setConsentOpen(false)}>
          <div data-testid="automate-consent" className="form">
            <p>{t("automate.privacy")}</p>
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                onClick={async () => {
                  await update({ automateConsent: "declined" });
                  setConsentOpen(false);
                  toast.info(t("automate.declined"));
                }}
              >
                {t("automate.decline")}
              </button>
              <button
                type="button"
                className="button primary"
                onClick={async () => {
                  await update({ automateConsent: "accepted" });
                  setConsentOpen(false);
                  setOpen("first");
                }}
              >
                {t("automate.accept")}
              </button>
            </div>
          </div>
        </Dialog>
      )}
      {running && (
        <RunFlowPane
          flowId={running.flowId}
          name={running.name}
          fields={running.fields}
          intro={t("automate.runIntro", { name: running.name, records: recordsLabel })}
          blocked={
            running.trigger === "selected-record" && records.length === 0 ? t("automate.noRecord") : undefined
          }
          start={(inputs) =>
            api.call("automate.run", {
              flowId: running.flowId,
              page: table,
              user,
              inputs,
              ...(records.length
                ? { records: records.map(({ table: tbl, id }) => ({ table: tbl, id })) }
                : {}),
            })
          }
          onClose={() => setRunning(undefined)}
        />
      )}
    </div>
  );
}
