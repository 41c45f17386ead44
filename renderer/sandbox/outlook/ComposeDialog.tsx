import { Paperclip, X } from "lucide-react";
import { useId, useRef, useState } from "react";
import { ApiError } from "../../../shared/api";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Dialog } from "../../ui/Dialog";
import { FormActions } from "../../ui/FormActions";
import { toast } from "../../ui/toasts";
import { errorText } from "../parts/errors";
import { useSandbox } from "../sandbox-store";
import { type Draft, EMPTY_DRAFT } from "./drafts";

interface Attachment {
  /** Tells two files of the same name apart in the list. */
  key: string;
  name: string;
  contentBytes: string;
}

type Field = "to" | "cc" | "subject" | "body" | "attachments";

let nextAttachmentKey = 1;

/** The same 5 MB the backend allows per attachment. */
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
}

/**
 * New email (or reply), written by the person acted as. Sending delivers it in the sandbox like
 * any mail, so it can start the flows whose trigger is "When a new email arrives".
 */
export function ComposeDialog({
  from,
  initial = EMPTY_DRAFT,
  onClose,
}: {
  from: { email: string; displayName: string };
  initial?: Draft;
  onClose: () => void;
}) {
  const people = useSandbox((s) => s.overview?.people ?? []);
  const groups = useSandbox((s) => s.overview?.groups ?? []);
  const [draft, setDraft] = useState<Draft>(initial);
  // A forward starts with the original's attachments.
  const [attachments, setAttachments] = useState<Attachment[]>(() =>
    (initial.attachments ?? []).map((a) => ({ ...a, key: `attachment-${nextAttachmentKey++}` })),
  );
  const [error, setError] = useState<{ message: string; field?: Field }>();
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { list: useId(), error: useId() };

  const dirty =
    JSON.stringify(draft) !== JSON.stringify(initial) ||
    attachments.length !== (initial.attachments?.length ?? 0) ||
    attachments.some((a, i) => a.name !== initial.attachments?.[i]?.name);
  const close = () => (dirty && !busy ? setConfirmDiscard(true) : onClose());
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setError(undefined);
  };

  const attach = async (files: FileList | null) => {
    if (!files) return;
    const added: Attachment[] = [];
    for (const file of Array.from(files)) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setError({
          message: t("sandbox.outlook.compose.tooLarge", { name: file.name }),
          field: "attachments",
        });
        continue;
      }
      try {
        added.push({
          key: `attachment-${nextAttachmentKey++}`,
          name: file.name,
          contentBytes: await readBase64(file),
        });
      } catch {
        setError({
          message: t("sandbox.outlook.compose.unreadable", { name: file.name }),
          field: "attachments",
        });
      }
    }
    setAttachments((current) => [...current, ...added]);
    if (fileInput.current) fileInput.current.value = "";
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (draft.to.trim() === "") {
      setError({ message: t("sandbox.outlook.compose.noRecipient"), field: "to" });
      return;
    }
    setBusy(true);
    try {
      const sent = await api.call("sandbox.mail.send", {
        from: from.email,
        to: draft.to,
        ...(draft.cc.trim() ? { cc: draft.cc } : {}),
        subject: draft.subject,
        body: draft.body,
        importance: draft.importance,
        ...(attachments.length > 0
          ? { attachments: attachments.map(({ name, contentBytes }) => ({ name, contentBytes })) }
          : {}),
      });
      toast.success(t("sandbox.outlook.compose.sent", { count: sent.mailboxes.length }));
      onClose();
    } catch (cause) {
      const issue = cause instanceof ApiError ? cause.issues?.[0]?.path : undefined;
      const field = (["to", "cc", "subject", "body", "attachments"] as const).find(
        (name) => issue === name || issue?.startsWith(`${name}.`) || issue?.startsWith(`${name}[`),
      );
      setError({ message: errorText(cause), ...(field ? { field } : {}) });
      setBusy(false);
    }
  };

  const invalid = (field: Field) => (error?.field === field ? true : undefined);
  const described = (field: Field) => (error?.field === field ? ids.error : undefined);

  return (
    <>
      <Dialog
        title={initial.subject ? initial.subject : t("sandbox.outlook.compose.title")}
        onClose={close}
        size="wide"
        initialFocus={initial.to ? "textarea" : "input[name=to]"}
      >
        <form
          className="form sbx-compose"
          onSubmit={submit}
          noValidate
          onKeyDown={(event) => {
            // Ctrl+Enter sends, as in Outlook.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.requestSubmit();
            }
          }}
        >
          <p className="muted">
            {t("sandbox.outlook.compose.from", { name: from.displayName, email: from.email })}
          </p>
          <datalist id={ids.list}>
            {people.map((p) => (
              <option key={p.email} value={p.email}>
                {p.displayName}
              </option>
            ))}
            {groups.map((g) => (
              <option key={g.email} value={g.email}>
                {g.displayName}
              </option>
            ))}
          </datalist>
          <label className="field">
            <span className="field-label">
              {t("sandbox.outlook.to")} <span aria-hidden="true">*</span>
            </span>
            <input
              name="to"
              className="input"
              list={ids.list}
              value={draft.to}
              required
              aria-invalid={invalid("to")}
              aria-describedby={described("to")}
              placeholder={t("sandbox.outlook.compose.addresses")}
              onChange={(e) => edit({ to: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t("sandbox.outlook.cc")}</span>
            <input
              name="cc"
              className="input"
              list={ids.list}
              value={draft.cc}
              aria-invalid={invalid("cc")}
              aria-describedby={described("cc")}
              placeholder={t("sandbox.outlook.compose.addresses")}
              onChange={(e) => edit({ cc: e.target.value })}
            />
          </label>
          <div className="sbx-compose-row">
            <label className="field sbx-compose-subject">
              <span className="field-label">{t("sandbox.outlook.compose.subject")}</span>
              <input
                name="subject"
                className="input"
                value={draft.subject}
                maxLength={400}
                aria-invalid={invalid("subject")}
                onChange={(e) => edit({ subject: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t("sandbox.outlook.compose.importance")}</span>
              <select
                name="importance"
                className="input"
                value={draft.importance}
                onChange={(e) => edit({ importance: e.target.value as Draft["importance"] })}
              >
                <option value="Low">{t("sandbox.outlook.compose.low")}</option>
                <option value="Normal">{t("sandbox.outlook.compose.normal")}</option>
                <option value="High">{t("sandbox.outlook.compose.high")}</option>
              </select>
            </label>
          </div>
          <label className="field">
            <span className="field-label">{t("sandbox.outlook.compose.body")}</span>
            <textarea
              name="body"
              className="input sbx-compose-body"
              value={draft.body}
              rows={8}
              aria-invalid={invalid("body")}
              onChange={(e) => edit({ body: e.target.value })}
            />
          </label>
          <div className="field">
            <span className="field-label">{t("sandbox.outlook.attachments")}</span>
            {attachments.length > 0 && (
              <ul className="sbx-attachments" aria-label={t("sandbox.outlook.attachments")}>
                {attachments.map((a) => (
                  <li key={a.key}>
                    <Paperclip size={14} aria-hidden="true" />
                    {a.name}
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t("sandbox.outlook.compose.removeAttachment", { name: a.name })}
                      onClick={() => setAttachments(attachments.filter((other) => other.key !== a.key))}
                    >
                      <X size={14} aria-hidden="true" />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div>
              <button type="button" className="button" onClick={() => fileInput.current?.click()}>
                <Paperclip size={16} aria-hidden="true" />
                {t("sandbox.outlook.compose.attach")}
              </button>
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                aria-invalid={invalid("attachments")}
                data-testid="compose-files"
                onChange={(e) => void attach(e.target.files)}
              />
            </div>
          </div>
          <FormActions
            error={error?.message}
            errorId={ids.error}
            submitLabel={t("sandbox.outlook.compose.send")}
            busy={busy}
            onCancel={close}
          />
        </form>
      </Dialog>
      {confirmDiscard && (
        <ConfirmDialog
          title={t("sandbox.outlook.compose.discardTitle")}
          body={t("sandbox.outlook.compose.discardMessage")}
          confirmLabel={t("sandbox.outlook.compose.discard")}
          danger
          onConfirm={async () => onClose()}
          onClose={() => setConfirmDiscard(false)}
        />
      )}
    </>
  );
}
