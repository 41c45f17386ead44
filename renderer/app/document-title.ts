// The window's title names what is open ("Purchase invoice approval — Flowsmith"), as a desktop
// app's title bar and the browser's tab do; Electron's window takes the page's title.
import { useEffect } from "react";
import { t } from "../i18n";

export function windowTitle(what: string | undefined): string {
  const app = t("app.name");
  return what ? `${what} — ${app}` : app;
}

/** Sets the title while the calling page shows; undefined while it does not know its name yet. */
export function useDocumentTitle(what: string | undefined): void {
  useEffect(() => {
    document.title = windowTitle(what);
  }, [what]);
}
