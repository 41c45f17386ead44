// What the Electron preload puts on `window.flowsmith`: one function per contract method,
// and a subscription to events. The renderer's API client uses it when present.
import type { Envelope } from "./envelope";
import type { MethodName } from "./names";

export interface FlowsmithBridge {
  api: Readonly<Record<MethodName, (input: unknown) => Promise<Envelope<unknown>>>>;
  /** Returns a function that ends the subscription. */
  onEvent(listener: (message: unknown) => void): () => void;
  platform: string;
}
