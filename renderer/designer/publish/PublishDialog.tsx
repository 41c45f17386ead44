import { useMemo, useState } from "react";
import type { WdlDefinition } from "../../../shared/flow";
import { t } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import { describeError } from "../../ui/errors";
import { FormActions } from "../../ui/FormActions";
import { ComparedChanges } from "../compare/ChangeList";
import { noteFromChanges } from "../compare/change-labels";
import { latestVersion, useComparison } from "../compare/use-comparison";

/**
 * Publish with a note, seeing what changed since the version that runs now; the flow checker has
 * already passed (the backend checks again, with the policy).
 */
export function PublishDialog({
  flowId,
  name,
  definition,
  errorCount,
  onShowErrors,
  onClose,
  onPublish,
}: {
  flowId: string;
  name: string;
  /** The draft about to be published. */
  definition: WdlDefinition;
  /** The flow checker's errors: with any, the changes can be read but not published. */
  errorCount: number;
  onShowErrors: () => void;
  onClose: () => void;
  onPublish: (note: string) => Promise<void>;
}) {
  const comparison = useComparison(flowId, () => latestVersion(flowId), definition, "base-first");
  const [note, setNote] = useState("");
  const suggestedNote = useMemo(
    () => (comparison.state === "ready" ? noteFromChanges(comparison.diff) : ""),
    [comparison],
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={t("publish.title", { name })} onClose={onClose} initialFocus="#publish-note" size="wide">
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            await onPublish(note.trim());
          } catch (cause) {
            setError(describeError(cause));
            setBusy(false);
          }
        }}
      >
        {errorCount > 0 ? (
          <div className="banner banner-error" role="alert">
            <span>{t("publish.blocked", { count: errorCount })}</span>
            <button type="button" className="button" onClick={onShowErrors}>
              {t("publish.showErrors")}
            </button>
          </div>
        ) : (
          <p className="muted">{t("publish.body")}</p>
        )}
        <section className="publish-changes" aria-live="polite" data-testid="publish-changes">
          <ComparedChanges
            comparison={comparison}
            heading={(base) => t("compare.since", { version: base.version ?? 0 })}
            none={t("compare.firstVersion")}
          />
        </section>
        <label className="field">
          <span className="field-label">{t("publish.note")}</span>
          <input
            id="publish-note"
            className="input"
            maxLength={500}
            placeholder={t("publish.notePlaceholder")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        {suggestedNote !== "" && note === "" && (
          <button
            type="button"
            className="link-button publish-describe"
            onClick={() => {
              setNote(suggestedNote);
              document.getElementById("publish-note")?.focus();
            }}
          >
            {t("publish.describe")}
          </button>
        )}
        <FormActions
          error={error}
          submitLabel={t("publish.submit")}
          busy={busy}
          disabled={errorCount > 0}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
