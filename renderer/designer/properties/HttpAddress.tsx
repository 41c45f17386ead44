// "When an HTTP request is received": the address other programs call to start the flow, once it
// is published and enabled (the backend's hook server answers there), with a button to copy it.
import { Copy } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../shared/api";
import { api } from "../../api/client";
import { useThrottledApiEvents } from "../../api/hooks";
import { t } from "../../i18n";
import { describeError } from "../../ui/errors";
import { toast } from "../../ui/toasts";

type Address = { url: string; method: string | null } | { missing: string };

export function HttpAddress({ flowId }: { flowId: string }) {
  const [address, setAddress] = useState<Address>();
  // Only the newest request's answer is shown.
  const latest = useRef(0);
  const load = useCallback(() => {
    const request = ++latest.current;
    api
      .call("workflows.httpAddress", { flowId })
      .then((found) => request === latest.current && setAddress(found))
      .catch((caught: unknown) => {
        // "Not published yet" is this box's news, not a flow that went missing: its own words.
        const missing = caught instanceof ApiError ? caught.message : describeError(caught);
        if (request === latest.current) setAddress({ missing });
      });
  }, [flowId]);
  useEffect(load, [load]);
  // Published, enabled or disabled elsewhere: ask again.
  useThrottledApiEvents(["workflows.changed"], load);

  if (!address) return null;
  return (
    <section className="http-address" data-testid="http-address">
      <h3>{t("designer.http.title")}</h3>
      {"missing" in address ? (
        <p className="muted">{address.missing}</p>
      ) : (
        <>
          <div className="http-address-row">
            {address.method && <span className="tag">{address.method}</span>}
            <input className="input" readOnly value={address.url} aria-label={t("designer.http.url")} />
            <button
              type="button"
              className="button"
              onClick={() =>
                void navigator.clipboard
                  .writeText(address.url)
                  .then(() => toast.info(t("designer.http.copied")))
                  .catch(() => toast.error(t("designer.http.copyFailed")))
              }
            >
              <Copy size={14} aria-hidden /> {t("designer.http.copy")}
            </button>
          </div>
          <p className="muted">{t("designer.http.help")}</p>
        </>
      )}
    </section>
  );
}
