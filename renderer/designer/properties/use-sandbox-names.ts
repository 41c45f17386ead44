// The sandbox company's names for the properties panel's choices (see sandbox-choices.ts). Read
// once when the designer opens, so that a field is a choice from its first drawing (a field that
// turned from text into a list under the person's cursor would lose what they began typing).
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import type { SandboxNames } from "./sandbox-choices";

let cached: SandboxNames | undefined;
let reading: Promise<SandboxNames | undefined> | undefined;

/** Reads the names (again after a failure); the designer calls it as it opens. */
export function readSandboxNames(): Promise<SandboxNames | undefined> {
  if (cached) return Promise.resolve(cached);
  reading ??= Promise.all([api.call("sandbox.overview", {}), api.call("sandbox.teams.list", {})]).then(
    ([overview, teams]) => {
      cached = {
        company: overview.company,
        teams: teams.teams,
        groupChats: teams.chats.filter((chat) => chat.kind === "group").map((chat) => chat.topic),
      };
      return cached;
    },
    () => {
      reading = undefined; // Choices are a convenience: the field still takes text; try again later.
      return undefined;
    },
  );
  return reading;
}

/** The names once read; undefined until then (or when the sandbox cannot say). */
export function useSandboxNames(needed: boolean): SandboxNames | undefined {
  const [names, setNames] = useState<SandboxNames | undefined>(cached);
  useEffect(() => {
    if (!needed || names) return;
    let live = true;
    void readSandboxNames().then((read) => {
      if (live && read) setNames(read);
    });
    return () => {
      live = false;
    };
  }, [needed, names]);
  return names;
}
