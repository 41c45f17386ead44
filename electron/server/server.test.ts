import { request } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Backend } from "../backend/app";
import { tempDir, testBackend } from "../backend/test-support";
import { tokenCookieName } from "./security";
import { startWebServer, type WebServer } from "./server";

const TOKEN = "test-token-0123456789";
let backend: Backend;
let server: WebServer;

beforeEach(async () => {
  backend = testBackend();
  const staticDir = tempDir("flowsmith-static-");
  const { writeFileSync, mkdirSync } = await import("node:fs");
  writeFileSync(`${staticDir}/index.html`, "<!doctype html><title>Flowsmith</title>");
  mkdirSync(`${staticDir}/assets`);
  writeFileSync(`${staticDir}/assets/app-1234.js`, "console.log(1)");
  server = await startWebServer({
    dispatch: backend.dispatch,
    events: backend.events,
    token: TOKEN,
    staticDir,
  });
});
afterEach(async () => {
  await server.close();
  backend.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  {
    method = "GET",
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        method,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const call = (
  method: string,
  input: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
) =>
  send(`/api/call/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });

describe("web-mode server", () => {
  it("listens on 127.0.0.1 only, on a random port, and prints a URL with the token", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it("answers a call that carries the token", async () => {
    const reply = await call("flows.create", { name: "Over HTTP", kind: "scheduled" });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { name: "Over HTTP", kind: "scheduled" },
    });
    expect(reply.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("refuses a call without a token, and writes nothing", async () => {
    const reply = await call("flows.create", { name: "Sneaky", kind: "instant" }, {});
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(backend.flows.list()).toEqual([]);
  });

  it("refuses a wrong token, in a header or a cookie", async () => {
    expect((await call("flows.list", {}, { authorization: "Bearer nope" })).status).toBe(401);
    expect((await call("flows.list", {}, { cookie: `${tokenCookieName(server.port)}=nope` })).status).toBe(
      401,
    );
    expect(
      (await call("flows.list", {}, { cookie: `${tokenCookieName(server.port)}=${TOKEN}` })).status,
    ).toBe(200);
  });

  it("refuses a foreign Host even with the right token (DNS rebinding)", async () => {
    const reply = await call(
      "flows.list",
      {},
      { authorization: `Bearer ${TOKEN}`, host: `evil.example:${server.port}` },
    );
    expect(reply.status).toBe(421);
    const wrongPort = await call("flows.list", {}, { authorization: `Bearer ${TOKEN}`, host: "127.0.0.1:1" });
    expect(wrongPort.status).toBe(421);
  });

  it("refuses a foreign Origin even with the right token", async () => {
    const reply = await call(
      "flows.list",
      {},
      { authorization: `Bearer ${TOKEN}`, origin: "https://evil.example" },
    );
    expect(reply.status).toBe(403);
    const same = await call(
      "flows.list",
      {},
      { authorization: `Bearer ${TOKEN}`, origin: `http://localhost:${server.port}` },
    );
    expect(same.status).toBe(200);
  });

  it("turns the token in the printed link into a cookie and drops it from the address", async () => {
    const reply = await send(`/?token=${TOKEN}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe("/");
    const cookie = String(reply.headers["set-cookie"]);
    expect(cookie).toContain(`${tokenCookieName(server.port)}=${TOKEN}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect((await send("/?token=wrong")).status).toBe(401);
  });

  it("serves the renderer only with the token, never outside its folder", async () => {
    expect((await send("/")).status).toBe(401);
    const auth = { cookie: `${tokenCookieName(server.port)}=${TOKEN}` };
    const index = await send("/", { headers: auth });
    expect(index.status).toBe(200);
    expect(index.body).toContain("<title>Flowsmith</title>");
    expect((await send("/flows/abc", { headers: auth })).body).toContain("<title>Flowsmith</title>");
    expect((await send("/assets/app-1234.js", { headers: auth })).headers["cache-control"]).toContain(
      "immutable",
    );
    expect((await send("/assets/missing.js", { headers: auth })).status).toBe(404);
    expect((await send("/../../../../etc/passwd", { headers: auth })).body).not.toContain("root:");
    expect((await send("/%2e%2e/%2e%2e/etc/passwd", { headers: auth })).body).not.toContain("root:");
  });

  it("answers bad requests with a clear error", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const notJson = await send("/api/call/flows.list", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{nope",
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/not valid JSON/);
    const form = await send("/api/call/flows.list", {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(form.status).toBe(415);
    expect((await send("/api/call/flows.list", { headers: auth })).status).toBe(405);
    const invalid = await call("flows.create", { name: "", kind: "instant" });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.issues[0].path).toBe("name");
    const missing = await call("flows.get", { id: "no-such-flow" });
    expect(missing.status).toBe(404);
  });

  it("streams contract events to subscribers", async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: server.port,
          path: "/api/events",
          headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
            if (text.includes("flows.changed")) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on("error", (error) => {
        if (!String(error).includes("socket hang up")) reject(error);
      });
      req.end();
      setTimeout(() => void call("flows.create", { name: "Evented", kind: "instant" }), 100);
    });
    const text = await received;
    const data = text.split("\n").find((line) => line.startsWith("data: "));
    expect(JSON.parse(data?.slice(6) ?? "{}")).toMatchObject({
      event: "flows.changed",
      payload: { reason: "created" },
    });
  });
});
