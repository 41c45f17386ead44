// In the sandbox, where the person goes to perform a test's trigger: which tests wait for it and
// what to do, with the way back to the flow and a way out. (The designer shows the same test.)
import { FlaskConical } from "lucide-react";
import { Link } from "wouter";
import { api } from "../api/client";
import { t } from "../i18n";
import { armedTestPage, useRuns } from "../runs/run-store";

export function ArmedTestsBanner() {
  const armed = useRuns((s) => s.armed);
  const entries = Object.entries(armed);
  if (entries.length === 0) return null;
  return (
    <div className="sbx-armed" data-testid="sandbox-armed">
      {entries.map(([key, test]) => (
        <div key={key} className="banner banner-info" role="status">
          <FlaskConical size={18} aria-hidden="true" />
          <div>
            <strong>
              {t("sandbox.armed.title", { flow: test.flowName || t("sandbox.armed.thisFlow") })}
            </strong>
            <p>{test.hint}</p>
          </div>
          <div className="banner-actions">
            {/* "~": out of the sandbox's own routes. */}
            <Link href={`~${armedTestPage(test)}`} className="button">
              {t("sandbox.armed.back")}
            </Link>
            <button
              type="button"
              className="button"
              onClick={() => {
                useRuns.getState().disarm(key);
                void api.call("runs.disarmTest", { flowId: test.flowId }).catch(() => {});
              }}
            >
              {t("test.stopWaiting")}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
