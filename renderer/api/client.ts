// The renderer's one way to the backend: the contract over Electron IPC when the preload bridge is
// there, over HTTP and server-sent events in web mode. Callers see typed promises and ApiErrors.
import {
  ApiError,
  type Envelope,
  type EventMessage,
  events as eventSchemas,
  type FlowsmithBridge,
  isEventName,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from "../../shared/api";

export type EventListener = (message: EventMessage) => void;
/** Whether the backend answers: false while a web-mode page cannot reach its server. */
export type ConnectionListener = (connected: boolean) => void;

export interface ApiClient {
  readonly mode: "electron" | "web";
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: EventListener): () => void;
  readonly connected: boolean;
  onConnection(listener: ConnectionListener): () => void;
  /**
   * Each time the event stream (re)opens: events sent while it was not open were missed, so what
   * a page shows from them is read again. (IPC misses none: never called.)
   */
  onEventsOpened(listener: () => void): () => void;
}

/** The connection's state, told to listeners when it changes. */
class Connection {
  connected = true;
  private readonly listeners = new Set<ConnectionListener>();
  set(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    for (const listener of this.listeners) listener(connected);
  }
  listen(listener: ConnectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

declare global {
  interface Window {
    flowsmith?: FlowsmithBridge;
  }
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** Events are checked against the contract: a malformed one is dropped, never acted on. */
function parseEvent(raw: unknown): EventMessage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { event, payload } = raw as { event?: unknown; payload?: unknown };
  if (typeof event !== "string" || !isEventName(event)) return undefined;
  const parsed = eventSchemas[event].safeParse(payload);
  return parsed.success ? ({ event, payload: parsed.data } as EventMessage) : undefined;
}

class Listeners {
  private readonly set = new Set<EventListener>();
  add(listener: EventListener, onFirst: () => void): () => void {
    if (this.set.size === 0) onFirst();
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  dispatch(raw: unknown): void {
    const message = parseEvent(raw);
    if (!message) return;
    for (const listener of this.set) listener(message);
  }
}

export function createIpcClient(bridge: FlowsmithBridge): ApiClient {
  const listeners = new Listeners();
  let connected = false;
  return {
    mode: "electron",
    async call(method, input) {
      return unwrap(await bridge.api[method](input)) as MethodOutput<typeof method>;
    },
    subscribe(listener) {
      return listeners.add(listener, () => {
        if (connected) return;
        connected = true;
        bridge.onEvent((raw) => listeners.dispatch(raw));
      });
    },
    // The main process lives as long as the window: IPC never loses it.
    connected: true,
    onConnection: () => () => {},
    onEventsOpened: () => () => {},
  };
}

export function createHttpClient(base = ""): ApiClient {
  const listeners = new Listeners();
  const connection = new Connection();
  const opened = new Set<() => void>();
  let source: EventSource | undefined;
  return {
    mode: "web",
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/call/${method}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          credentials: "same-origin",
          body: JSON.stringify(input),
        });
        // 401: a server answers, but a newer one (restarted with a new token): this page is done.
        connection.set(response.status !== 401);
      } catch {
        connection.set(false);
        throw new ApiError({
          code: "unavailable",
          message: "Flowsmith is not answering. Is it still running? Start it again, then reload this page.",
        });
      }
      let envelope: Envelope<MethodOutput<typeof method>>;
      try {
        envelope = (await response.json()) as Envelope<MethodOutput<typeof method>>;
      } catch {
        throw new ApiError({
          code: "unavailable",
          message: `Flowsmith answered with HTTP ${response.status}.`,
        });
      }
      return unwrap(envelope);
    },
    subscribe(listener) {
      return listeners.add(listener, () => {
        source ??= new EventSource(`${base}/api/events`, { withCredentials: true });
        // The browser reconnects by itself while the server is away; the page says so meanwhile.
        source.onopen = () => {
          connection.set(true);
          for (const listener of opened) listener();
        };
        source.onerror = () => {
          if (source?.readyState !== EventSource.OPEN) connection.set(false);
        };
        source.onmessage = (event: MessageEvent<string>) => {
          try {
            listeners.dispatch(JSON.parse(event.data));
          } catch {
            // Not JSON: not an event of ours.
          }
        };
      });
    },
    get connected() {
      return connection.connected;
    },
    onConnection: (listener) => connection.listen(listener),
    onEventsOpened(listener) {
      opened.add(listener);
      return () => opened.delete(listener);
    },
  };
}

export const api: ApiClient = window.flowsmith ? createIpcClient(window.flowsmith) : createHttpClient();
