import type { AppInfo } from "../../shared/api";
import { t } from "../i18n";
import { Dialog } from "../ui/Dialog";

export function AboutDialog({ info, onClose }: { info: AppInfo; onClose: () => void }) {
  return (
    <Dialog title={t("about.title")} onClose={onClose}>
      <p>
        <strong>{info.name}</strong> — {t("about.version", { version: info.version })}
      </p>
      <p>{t("about.body")}</p>
      <dl className="facts">
        <dt>{t("about.mode")}</dt>
        <dd>{info.mode === "electron" ? t("about.mode.electron") : t("about.mode.web")}</dd>
        <dt>{t("about.dataDir")}</dt>
        <dd>
          <code>{info.dataDir}</code>
        </dd>
      </dl>
    </Dialog>
  );
}
