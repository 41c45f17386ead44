// Loading what a sandbox page shows, and keeping it fresh: the page asks once, shows a retry on
// failure, and refreshes (debounced) when a sandbox.changed event says its part of the world moved,
// so a mail a flow sends appears without reloading. Data stays on screen while it refreshes.
import { useCallback, useEffect, useRef, useState } from "react";
import type { EventPayload } from "../../shared/api";
import { api } from "../api/client";

export type SandboxChange = EventPayload<"sandbox.changed">;

/** Calls onChange (debounced) after sandbox changes that match; a reset or restore always matches. */
export function useSandboxChanges(
  matches: (change: SandboxChange) => boolean,
  onChange: () => void,
  delayMs = 200,
): void {
  const latest = useRef({ matches, onChange });
  latest.current = { matches, onChange };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.subscribe((message) => {
      if (message.event !== "sandbox.changed") return;
      const change = message.payload as SandboxChange;
      if (change.type !== "sandbox.reset" && !latest.current.matches(change)) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.onChange(), delayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [delayMs]);
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs load now and whenever a key changes; the newest answer wins when several are in flight.
 * Pass undefined as the key to wait (nothing loads until a key exists).
 */
export function useLoad<T>(key: string | undefined, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{
    key: string | undefined;
    data?: T;
    error?: unknown;
    loading: boolean;
  }>({
    key: undefined,
    loading: key !== undefined,
  });
  const sequence = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback((forKey: string) => {
    const mine = ++sequence.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => {
        if (mine === sequence.current) setState({ key: forKey, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (mine !== sequence.current) return;
        setState((s) => ({
          key: forKey,
          data: s.key === forKey ? s.data : undefined,
          error,
          loading: false,
        }));
      },
    );
  }, []);

  useEffect(() => {
    if (key !== undefined) run(key);
  }, [key, run]);

  const reload = useCallback(() => {
    if (key !== undefined) run(key);
  }, [key, run]);

  // Data of another key is not this key's data: a new table or mailbox starts empty.
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: state.loading || !current,
    reload,
  };
}
