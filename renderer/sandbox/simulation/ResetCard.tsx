import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toast } from "../../ui/toasts";
import { useSandbox } from "../sandbox-store";

/** Reset to the demo data, after saying what goes. */
export function ResetCard() {
  const [confirming, setConfirming] = useState(false);
  const company = useSandbox((s) => s.overview?.company ?? "");
  return (
    <section className="sbx-panel" aria-labelledby="sbx-reset-title">
      <h3 id="sbx-reset-title">{t("sandbox.reset.title")}</h3>
      <p className="muted">{t("sandbox.reset.body", { company })}</p>
      <div>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          <RotateCcw size={16} aria-hidden="true" />
          {t("sandbox.reset.action")}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t("sandbox.reset.confirm.title")}
          body={t("sandbox.reset.confirm.body")}
          confirmLabel={t("sandbox.reset.action")}
          danger
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await api.call("sandbox.reset", {});
            setConfirming(false);
            toast.success(t("sandbox.reset.done"));
          }}
        />
      )}
    </section>
  );
}
