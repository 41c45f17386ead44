import { Copy } from "lucide-react";
import type { JsonObject } from "../../../shared/json";
import { t } from "../../i18n";
import { toast } from "../../ui/toasts";

/**
 * The step as the flow's definition holds it (Power Automate's "Peek code"): read-only, to check
 * what an expression became, to compare with another tool, or to copy into a message.
 */
export function StepCode({ name, step }: { name: string; step: JsonObject }) {
  const text = JSON.stringify(step, null, 2);
  return (
    <div className="form step-code">
      <div className="step-code-bar">
        <p className="field-help">{t("designer.code.intro", { name })}</p>
        <button
          type="button"
          className="button"
          onClick={() =>
            navigator.clipboard.writeText(text).then(
              () => toast.success(t("designer.code.copied")),
              () => toast.error(t("designer.code.copyFailed")),
            )
          }
        >
          <Copy size={14} aria-hidden="true" /> {t("designer.code.copy")}
        </button>
      </div>
      <pre className="json-view" data-testid="step-code">
        {text}
      </pre>
    </div>
  );
}
