// The sandbox company's names for the properties panel's choices (see sandbox-choices.ts).
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { SandboxNames } from "./sandbox-choices";

/** Read when a step that needs them is open; undefined until read (or when the sandbox cannot say). */
export function useSandboxNames(needed: boolean): SandboxNames | undefined {
  const [names, setNames] = useState<SandboxNames>();
  useEffect(() => {
    if (!needed || names) return;
    let live = true;
    Promise.all([api.call("sandbox.overview", {}), api.call("sandbox.teams.list", {})]).then(
      ([overview, teams]) => {
        if (!live) return;
        setNames({
          company: overview.company,
          teams: teams.teams,
          groupChats: teams.chats.filter((chat) => chat.kind === "group").map((chat) => chat.topic),
        });
      },
      () => undefined, // Choices are a convenience: the field still takes text.
    );
    return () => {
      live = false;
    };
  }, [needed, names]);
  return names;
}
