// Runs in the renderer's sandboxed, isolated world. Exposes exactly the contract's methods and
// the event stream on window.flowsmith: no ipcRenderer, no Node, nothing else.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import type { Envelope, FlowsmithBridge, MethodName } from "../shared/api";
import { IPC_EVENT_CHANNEL, ipcChannel, METHOD_NAMES } from "../shared/api/names";

const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input) as Promise<Envelope<unknown>>,
  ]),
) as Record<MethodName, (input: unknown) => Promise<Envelope<unknown>>>;

const bridge: FlowsmithBridge = {
  api: Object.freeze(api),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld("flowsmith", bridge);
