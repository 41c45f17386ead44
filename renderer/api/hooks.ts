import { useEffect } from "react";
import type { EventMessage, EventName, EventPayload } from "../../shared/api";
import { api } from "./client";

/** Runs the handler for every event of that name while the component is mounted. */
export function useApiEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  useEffect(() => {
    return api.subscribe((message: EventMessage) => {
      if (message.event === name) handler(message.payload as EventPayload<E>);
    });
  }, [name, handler]);
}
