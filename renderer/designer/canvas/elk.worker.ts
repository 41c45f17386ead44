// Runs ELK's layered layout off the main thread, so typing and dragging never wait for it.
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkInput } from "./elements";

const elk = new ELK();

interface LayoutRequest {
  id: number;
  graph: ElkInput;
}

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  try {
    const result = await elk.layout(graph as Parameters<typeof elk.layout>[0]);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
