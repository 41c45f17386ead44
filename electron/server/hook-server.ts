// The addresses of flows started by "When an HTTP request is received": /hooks/<flowId>?sig=… on
// 127.0.0.1, in Electron and in web mode alike. Apart from the web-mode server on purpose: callers
// are other programs on this computer, which carry the flow's signature, not the app's token. The
// port of the last launch is tried first, so that the addresses people copied keep working.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type HookAnswer, type HookRequest, hookProblem } from "../backend/publish/http-hooks";
import { readBody } from "./body";
import { isAllowedHost, LOOPBACK_HOST } from "./security";

/** Power Automate takes request bodies up to 100 MB; a flow on a desktop needs far less. */
export const MAX_HOOK_BODY_BYTES = 8 * 1024 * 1024;

export interface HookHandler {
  readonly preferredPort: number | undefined;
  listening(origin: string, port: number): void;
  handle(flowId: string, sig: string | undefined, request: HookRequest): Promise<HookAnswer>;
}

export interface HookServer {
  port: number;
  origin: string;
  close(): Promise<void>;
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

export async function startHookServer(
  hooks: HookHandler,
  options: { port?: number; log?: (message: string) => void } = {},
): Promise<HookServer> {
  const log = options.log ?? (() => {});
  let port = 0;
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      log(`[hooks] ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent)
        send(res, hookProblem(500, "InternalError", "The flow's address failed to answer."));
      else res.destroy();
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      send(
        res,
        hookProblem(421, "MisdirectedRequest", `Host '${req.headers.host ?? ""}' is not served here.`),
      );
      return;
    }
    const url = new URL(req.url ?? "/", `http://${LOOPBACK_HOST}:${port}`);
    const match = /^\/hooks\/([^/]+)$/.exec(url.pathname);
    if (!match?.[1]) {
      send(
        res,
        hookProblem(
          404,
          "NotFound",
          "Flows answer at /hooks/<flow id>?sig=…: copy a flow's address from the designer.",
        ),
      );
      return;
    }
    const method = (req.method ?? "GET").toUpperCase();
    if (!METHODS.has(method)) {
      send(res, hookProblem(405, "MethodNotAllowed", `${method} requests do not start flows.`));
      return;
    }
    const body = await readBody(req, MAX_HOOK_BODY_BYTES);
    if (body === "too-large") {
      send(
        res,
        hookProblem(
          413,
          "RequestTooLarge",
          `The request is larger than ${MAX_HOOK_BODY_BYTES / 1024 / 1024} MB.`,
        ),
      );
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      // Cookies ignore ports: a browser would send the web-mode app's token cookie here too, and
      // the flow's run history would keep it. No flow needs them.
      if (value !== undefined && name !== "cookie")
        headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) if (name !== "sig") query[name] = value;
    let flowId: string;
    try {
      flowId = decodeURIComponent(match[1]);
    } catch {
      send(res, hookProblem(400, "InvalidAddress", "The flow id in the address is not valid."));
      return;
    }
    send(
      res,
      await hooks.handle(flowId, url.searchParams.get("sig") ?? undefined, { method, headers, query, body }),
    );
  }

  port = await listen(server, options.port ?? hooks.preferredPort ?? 0).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE" && error.code !== "EACCES") throw error;
      log(
        `[hooks] port ${options.port ?? hooks.preferredPort} is taken: flows get new addresses on another port.`,
      );
      return listen(server, 0);
    },
  );
  const origin = `http://${LOOPBACK_HOST}:${port}`;
  hooks.listening(origin, port);
  return {
    port,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, LOOPBACK_HOST, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function send(res: ServerResponse, answer: HookAnswer): void {
  res.writeHead(answer.status, {
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...answer.headers,
  });
  res.end(answer.body);
}
