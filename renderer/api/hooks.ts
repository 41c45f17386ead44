import { useEffect, useRef } from "react";
import type { EventMessage, EventName, EventPayload } from "../../shared/api";
import { api } from "./client";
import { createThrottle } from "./throttle";

/** Runs the handler for every event of that name while the component is mounted. */
export function useApiEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  useEffect(() => {
    return api.subscribe((message: EventMessage) => {
      if (message.event === name) handler(message.payload as EventPayload<E>);
    });
  }, [name, handler]);
}

/**
 * Runs the handler at most once every `intervalMs` while any of the events keep arriving, and once
 * after the last of them: a list refreshes steadily during a batch of ten thousand runs instead of
 * reloading ten thousand times (or, debounced, never until the batch ends).
 */
export function useThrottledApiEvents(
  names: readonly EventName[],
  handler: () => void,
  intervalMs = 300,
): void {
  const latest = useRef(handler);
  latest.current = handler;
  const key = names.join(",");
  useEffect(() => {
    const wanted = new Set(key.split(","));
    const throttle = createThrottle(() => latest.current(), intervalMs);
    const unsubscribe = api.subscribe((message: EventMessage) => {
      if (wanted.has(message.event)) throttle.trigger();
    });
    // Events missed while the stream was not open may have been these: read again.
    const unsubscribeOpened = api.onEventsOpened(() => throttle.trigger());
    return () => {
      throttle.cancel();
      unsubscribe();
      unsubscribeOpened();
    };
  }, [key, intervalMs]);
}
