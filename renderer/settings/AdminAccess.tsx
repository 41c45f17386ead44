import { type FormEvent, useId, useRef, useState } from "react";
import { ADMIN_PASSPHRASE_MIN_LENGTH, type Settings } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";
import { useSettings } from "./settings-store";

/** What is wrong with a new passphrase and its repetition, field by field (empty: nothing). */
export function newPassphraseErrors(next: string, repeat: string): { next?: string; repeat?: string } {
  if (next.length < ADMIN_PASSPHRASE_MIN_LENGTH)
    return { next: t("admin.tooShort", { count: ADMIN_PASSPHRASE_MIN_LENGTH }) };
  if (repeat !== next) return { repeat: t("admin.mismatch") };
  return {};
}

/**
 * Settings → Administration's door: choose the first administrator passphrase, sign in with it,
 * or (as the administrator) sign out and change it. The backend keeps only its hash.
 */
export function AdminAccess({ settings }: { settings: Settings }) {
  if (settings.role !== "admin") {
    return settings.adminPassphraseSet ? <SignIn /> : <ChoosePassphrase first />;
  }
  return <SignedIn passphraseSet={settings.adminPassphraseSet} />;
}

/** Runs an admin call that answers with the settings, and takes them. */
async function callForSettings(call: () => Promise<Settings>): Promise<void> {
  useSettings.getState().replace(await call());
}

function SignIn() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError(t("admin.enterPassphrase"));
      return;
    }
    setBusy(true);
    try {
      await callForSettings(() => api.call("admin.signIn", { passphrase }));
      toast.success(t("admin.signedInAs"));
    } catch (failure) {
      setError(describeError(failure));
      setPassphrase("");
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form admin-access" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t("settings.adminOnly")}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-pass`}>
          {t("admin.passphrase")}
        </label>
        <input
          ref={input}
          id={`${id}-pass`}
          className="input"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-help`}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setError(undefined);
          }}
        />
        {error ? (
          <span id={`${id}-error`} className="form-error" role="alert">
            {error}
          </span>
        ) : (
          <span id={`${id}-help`} className="field-help">
            {t("admin.forgotten")}
          </span>
        )}
      </div>
      <div className="inline-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t("admin.signIn")}
        </button>
      </div>
    </form>
  );
}

/** The first passphrase (which makes the person the administrator), or a new one. */
function ChoosePassphrase({ first, onDone }: { first?: boolean; onDone?: () => void }) {
  const id = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const [busy, setBusy] = useState(false);
  const changing = onDone !== undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(changing && !current ? { current: t("admin.enterPassphrase") } : {}),
      ...newPassphraseErrors(next, repeat),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await callForSettings(() =>
        api.call("admin.setPassphrase", { next, ...(changing ? { current } : {}) }),
      );
      toast.success(
        t(first ? "admin.becameAdmin" : changing ? "admin.passphraseChanged" : "admin.passphraseChosen"),
      );
      onDone?.();
    } catch (failure) {
      // Said under the field the backend checked: the current passphrase when changing it, else the new one.
      setErrors(changing ? { current: describeError(failure) } : { next: describeError(failure) });
      setCurrent("");
    } finally {
      setBusy(false);
    }
  };
  const field = (
    name: "current" | "next" | "repeat",
    label: string,
    value: string,
    set: (value: string) => void,
  ) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="input"
        type="password"
        autoComplete={name === "current" ? "current-password" : "new-password"}
        value={value}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
        onChange={(e) => {
          set(e.target.value);
          setErrors((before) => ({ ...before, [name]: undefined }));
        }}
      />
      {errors[name] && (
        <span id={`${id}-${name}-error`} className="form-error" role="alert">
          {errors[name]}
        </span>
      )}
    </div>
  );
  return (
    <form className="form admin-access" onSubmit={(e) => void submit(e)} noValidate>
      {first && <p className="muted">{t("admin.noneYet")}</p>}
      {changing && field("current", t("admin.currentPassphrase"), current, setCurrent)}
      {field("next", t("admin.newPassphrase"), next, setNext)}
      {field("repeat", t("admin.repeatPassphrase"), repeat, setRepeat)}
      <div className="inline-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t(first ? "admin.become" : "admin.savePassphrase")}
        </button>
        {changing && (
          <button type="button" className="button" disabled={busy} onClick={onDone}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function SignedIn({ passphraseSet }: { passphraseSet: boolean }) {
  const [changing, setChanging] = useState(false);
  const signOut = async () => {
    try {
      await callForSettings(() => api.call("admin.signOut", {}));
      toast.info(t("admin.signedOut"));
    } catch (failure) {
      toast.error(describeError(failure));
    }
  };
  return (
    <div className="admin-access">
      <div className="inline-actions">
        <span data-testid="admin-state">{t("admin.signedInAs")}</span>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t("admin.signOut")}
        </button>
        {passphraseSet && !changing && (
          <button type="button" className="button" onClick={() => setChanging(true)}>
            {t("admin.changePassphrase")}
          </button>
        )}
      </div>
      {/* An administrator from before passphrases: choosing one closes the door behind them. */}
      {!passphraseSet && (
        <>
          <p className="field-help">{t("admin.choosePassphraseNow")}</p>
          <ChoosePassphrase />
        </>
      )}
      {changing && <ChoosePassphrase onDone={() => setChanging(false)} />}
    </div>
  );
}
