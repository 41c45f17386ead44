// Web mode: the backend's contract over HTTP (POST /api/call/<method>) and server-sent events
// (GET /api/events), plus the built renderer, on 127.0.0.1 only, for one launch's token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiErrorCode, Envelope, EventMessage } from "../../shared/api";
import type { Dispatch } from "../backend/api/dispatch";
import type { EventBus } from "../backend/events";
import { SECURITY_HEADERS } from "../shell/csp";
import { readBody } from "./body";
import { guardRequest, LOOPBACK_HOST, tokenCookieName } from "./security";
import { loadStaticFile } from "./static-files";

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface WebServerOptions {
  dispatch: Dispatch;
  events: EventBus;
  token: string;
  /** Folder of the built renderer; without it only the API is served. */
  staticDir?: string | undefined;
  /** 0 (the default) picks a free port. */
  port?: number;
  log?: (message: string) => void;
}

export interface WebServer {
  port: number;
  /** The address to open, with the token: it sets the cookie and redirects to the app. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Readonly<Record<ApiErrorCode, number>> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? (() => {});
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`[web] ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, failure("internal", "The server failed to answer."));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", `http://${LOOPBACK_HOST}:${port}`);
    const tokenFromUrl =
      req.method === "GET" && url.pathname === "/" ? (url.searchParams.get("token") ?? undefined) : undefined;
    const verdict = guardRequest(req, port, options.token, tokenFromUrl);
    if (!verdict.ok) {
      if (url.pathname.startsWith("/api/")) {
        sendJson(res, verdict.status, failure("forbidden", verdict.message));
      } else {
        sendText(res, verdict.status, verdict.message);
      }
      return;
    }
    if (tokenFromUrl !== undefined) {
      // Keep the token out of the address bar and history: a cookie carries it from now on.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        "Set-Cookie": `${tokenCookieName(port)}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: "/",
        "Cache-Control": "no-store",
      });
      res.end();
      return;
    }
    if (url.pathname === "/api/events") return openEventStream(req, res);
    if (url.pathname.startsWith("/api/call/")) return call(req, res, url.pathname.slice("/api/call/".length));
    if (url.pathname.startsWith("/api/")) {
      sendJson(res, 404, failure("not_found", `No API at ${url.pathname}.`));
      return;
    }
    serveStatic(req, res, url.pathname);
  }

  async function call(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      sendJson(res, 405, failure("invalid_input", "API calls are POST requests."));
      return;
    }
    const type = req.headers["content-type"] ?? "";
    if (!type.toLowerCase().startsWith("application/json")) {
      sendJson(
        res,
        415,
        failure("invalid_input", "API calls carry a JSON body (Content-Type: application/json)."),
      );
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === "too-large") {
      sendJson(
        res,
        413,
        failure("invalid_input", `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`),
      );
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      sendJson(
        res,
        400,
        failure("invalid_input", `The request body is not valid JSON: ${(error as Error).message}`),
      );
      return;
    }
    const envelope = await options.dispatch(decodeURIComponent(method), input);
    sendJson(res, envelope.ok ? 200 : STATUS_BY_CODE[envelope.error.code], envelope);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    res.write("retry: 2000\n\n");
    streams.add(res);
    const unsubscribe = options.events.subscribe((message: EventMessage) => {
      res.write(`data: ${JSON.stringify(message)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    req.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, "Only GET is served here.");
      return;
    }
    const file = options.staticDir ? loadStaticFile(options.staticDir, path) : undefined;
    if (!file) {
      sendText(
        res,
        404,
        options.staticDir ? `Not found: ${path}` : "The renderer is not built: run npm run build.",
      );
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": file.contentType,
      "Content-Length": file.body.length,
      "Cache-Control": file.immutable ? "private, max-age=31536000, immutable" : "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, LOOPBACK_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK_HOST}:${port}`;

  return {
    port,
    origin,
    url: `${origin}/?token=${encodeURIComponent(options.token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function failure(code: ApiErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  });
  res.end(text);
}
