import { useEffect, useState } from "react";
import { api } from "../api/client";
import { t } from "../i18n";

/**
 * In web mode the page outlives its server: when Flowsmith stops answering, say so on every page
 * (what was saved is safe; the designer keeps trying to save the rest) until it answers again.
 */
export function ConnectionBanner() {
  const [connected, setConnected] = useState(api.connected);
  useEffect(() => {
    setConnected(api.connected);
    return api.onConnection(setConnected);
  }, []);
  if (connected) return null;
  return (
    <div className="notices">
      <div className="banner banner-error" role="alert" data-testid="connection-lost">
        <div>
          <strong>{t("connection.lost.title")}</strong>
          <p>{t("connection.lost.message")}</p>
        </div>
      </div>
    </div>
  );
}
