// admin.*: the administrator's sign-in (a passphrase, whose hash only the backend sees) and the
// Automate policy that only the administrator may change.
import { ApiError } from "../../../shared/api";
import type { EventBus } from "../events";
import type { Publisher } from "../publish";
import { AttemptLimiter, hashPassphrase, passphraseMatches } from "../settings/admin-passphrase";
import type { SettingsStore } from "../settings/store";
import type { Handlers } from "./dispatch";

type AdminMethods = Pick<Handlers, `admin.${string}` & keyof Handlers>;

export interface AdminHandlerDeps {
  publisher: Publisher;
  settings: SettingsStore;
  events: EventBus;
  /** Wrong passphrases in a row (one per backend; a test may give its own clock). */
  attempts?: AttemptLimiter;
}

export function adminHandlers({
  publisher,
  settings,
  events,
  attempts = new AttemptLimiter(),
}: AdminHandlerDeps): AdminMethods {
  /** Refuses `what` ("change the Automate policy") to anyone but the administrator. */
  const requireAdmin = (what: string) => {
    if (settings.get().role !== "admin") {
      throw new ApiError({ code: "forbidden", message: `Only an administrator can ${what}.` });
    }
  };
  /** Checks a passphrase against the one chosen, slowing down a run of wrong ones. */
  const checkPassphrase = async (passphrase: string) => {
    const credential = settings.adminCredential();
    if (!credential) {
      throw new ApiError({
        code: "conflict",
        message: "No administrator passphrase has been chosen yet: choose one to become the administrator.",
      });
    }
    const wait = attempts.waitMs();
    if (wait > 0) {
      throw new ApiError({
        code: "unavailable",
        message: `Too many wrong passphrases. Try again in ${Math.ceil(wait / 1000)} seconds.`,
      });
    }
    if (!(await passphraseMatches(passphrase, credential))) {
      attempts.failed();
      throw new ApiError({ code: "forbidden", message: "That is not the administrator passphrase." });
    }
    attempts.succeeded();
  };
  return {
    "admin.signIn": async ({ passphrase }) => {
      await checkPassphrase(passphrase);
      return settings.update({ role: "admin" });
    },
    "admin.signOut": () => settings.update({ role: "maker" }),
    "admin.setPassphrase": async ({ current, next }) => {
      if (settings.adminCredential()) {
        // Changing it takes the administrator who knows the current one.
        requireAdmin("change the administrator passphrase");
        if (current === undefined) {
          throw new ApiError({
            code: "invalid_input",
            message: "Enter the current passphrase to change it.",
            issues: [{ path: "current", message: "Enter the current passphrase." }],
          });
        }
        await checkPassphrase(current);
      }
      // The first passphrase makes whoever chose it the administrator.
      return settings.update({ adminCredential: await hashPassphrase(next), role: "admin" });
    },
    "admin.previewPolicy": ({ connectorPolicy }) => {
      requireAdmin("change the Automate policy");
      const { suspended, allowed } = publisher.previewPolicy(connectorPolicy);
      return { suspended, allowed };
    },
    "admin.setPolicy": ({ automateEnabled, connectorPolicy }) => {
      requireAdmin("change the Automate policy");
      const next = settings.update({
        ...(automateEnabled !== undefined ? { automateEnabled } : {}),
        ...(connectorPolicy ? { connectorPolicy } : {}),
      });
      const { suspended, allowed } = publisher.applyPolicy(next.connectorPolicy);
      if (suspended.length > 0 || allowed.length > 0) events.emit("workflows.changed", {});
      return { suspended, allowed };
    },
  };
}
