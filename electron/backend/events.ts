// Typed events from the backend to every connected window or browser tab.
import type { EventMessage, EventName, EventPayload } from "../../shared/api";

export type EventListener = (message: EventMessage) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message = { event, payload } as EventMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        // One broken subscriber (a closed socket, a destroyed window) must not stop the others.
        console.error(`[events] a listener of ${event} failed:`, error);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
