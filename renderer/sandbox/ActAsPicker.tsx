import { UserRound } from "lucide-react";
import { useId } from "react";
import { t } from "../i18n";
import { useActingPerson, useSandbox } from "./sandbox-store";

/** "Act as": who approves, edits, sends for approval and answers cards in the sandbox. */
export function ActAsPicker() {
  const overview = useSandbox((s) => s.overview);
  const actingAs = useSandbox((s) => s.actingAs);
  const actAs = useSandbox((s) => s.actAs);
  const person = useActingPerson();
  const id = useId();
  if (!overview) return null;
  const departments = [...new Set(overview.people.map((p) => p.department))].sort();
  const role = person
    ? `${person.jobTitle}${person.email === overview.connectionUser ? ` · ${t("sandbox.actAs.connectionUser")}` : ""}`
    : "";
  return (
    <div className="sbx-act-as">
      <UserRound size={18} aria-hidden="true" className="muted" />
      <label htmlFor={id} className="sbx-act-as-label">
        {t("sandbox.actAs")}
      </label>
      <div className="sbx-act-as-pick">
        <select
          id={id}
          className="input"
          value={actingAs}
          onChange={(event) => actAs(event.target.value)}
          data-testid="act-as"
        >
          {departments.map((department) => (
            <optgroup key={department} label={department}>
              {overview.people
                .filter((p) => p.department === department)
                .map((p) => (
                  <option key={p.email} value={p.email}>
                    {p.displayName}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {/* Always there, at one width: switching people does not move the header. */}
        <span className="muted sbx-act-as-role" title={role || undefined}>
          {role}
        </span>
      </div>
    </div>
  );
}
