import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { DefinitionPayload } from "../../shared/api";
import type { Backend } from "../backend/app";
import { tempDir, testBackend } from "../backend/test-support";
import { type HookServer, startHookServer } from "./hook-server";

const open: { backend?: Backend; server?: HookServer }[] = [];
afterEach(async () => {
  for (const { backend, server } of open.splice(0)) {
    await server?.close();
    backend?.close();
  }
});

async function world(dataDir = tempDir()) {
  const backend = testBackend(dataDir);
  const server = await startHookServer(backend.hooks);
  open.push({ backend, server });
  return { backend, server };
}

function httpFlow(actions: DefinitionPayload["actions"], method?: string): DefinitionPayload {
  return {
    $schema:
      "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
    contentVersion: "1.0.0.0",
    triggers: {
      manual: {
        type: "Request",
        kind: "Http",
        inputs: {
          schema: { type: "object", properties: { name: { type: "string" } } },
          ...(method ? { method } : {}),
        },
      },
    },
    actions,
  } as DefinitionPayload;
}

const GREETING: DefinitionPayload["actions"] = {
  Response: {
    type: "Response",
    kind: "Http",
    inputs: {
      statusCode: 201,
      headers: { "X-Greeted": "@{triggerBody()?['name']}" },
      body: {
        greeting: "@{concat('Hello ', triggerBody()?['name'])}",
        page: "@{triggerOutputs()?['queries']?['page']}",
      },
    },
    runAfter: {},
  },
};

function publish(backend: Backend, name: string, definition: DefinitionPayload): string {
  const flow = backend.flows.create({ name, kind: "instant", definition });
  backend.publisher.publish(flow.id, { publishedBy: "me" });
  return flow.id;
}

describe("flows started by an HTTP request", () => {
  it("answer at their signed address with their Response step, and the request is the trigger's outputs", async () => {
    const { backend, server } = await world();
    const draft = backend.flows.create({
      name: "Greeter",
      kind: "instant",
      definition: httpFlow(GREETING, "POST"),
    });
    expect(await backend.dispatch("workflows.httpAddress", { flowId: draft.id })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: expect.stringContaining("Publish and enable this flow") },
    });
    backend.publisher.publish(draft.id, { publishedBy: "me" });
    const address = backend.hooks.address(draft.id);
    expect(address.method).toBe("POST");
    expect(address.url).toMatch(new RegExp(`^${server.origin}/hooks/${draft.id}\\?sig=[\\w-]{43}$`));

    const answer = await fetch(`${address.url}&page=3`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ada" }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-greeted")).toBe("Ada");
    expect(await answer.json()).toEqual({ greeting: "Hello Ada", page: "3" });
    const runId = answer.headers.get("x-ms-workflow-run-id") ?? "";
    const run = backend.engine.getRun(runId);
    expect(run).toMatchObject({ mode: "published", status: "Succeeded", flowVersion: 1 });
    expect(run?.triggerOutputs).toMatchObject({
      body: { name: "Ada" },
      queries: { page: "3" },
      headers: { "content-type": "application/json" },
    });
    expect(JSON.stringify(run?.triggerOutputs)).not.toContain(address.url.split("sig=")[1]);

    // A browser sends its cookies for 127.0.0.1 (the web-mode app's token among them): not kept.
    const withCookie = await new Promise<string>((resolve, reject) => {
      const body = JSON.stringify({ name: "Grace" });
      request(
        `${address.url}`,
        {
          method: "POST",
          headers: { "content-type": "application/json", cookie: "flowsmith_token_4100=app-secret" },
        },
        (res) => {
          res.resume();
          resolve(String(res.headers["x-ms-workflow-run-id"]));
        },
      )
        .on("error", reject)
        .end(body);
    });
    expect(backend.engine.getRun(withCookie)?.triggerOutputs).toMatchObject({ body: { name: "Grace" } });
    expect(JSON.stringify(backend.engine.getRun(withCookie)?.triggerOutputs)).not.toContain("app-secret");
  });

  it("refuse a wrong signature, another method, a body that is not JSON, and a flow that is off", async () => {
    const { backend } = await world();
    const flowId = publish(backend, "Greeter", httpFlow(GREETING, "POST"));
    const { url } = backend.hooks.address(flowId);
    const post = (to: string, body = "{}", type = "application/json") =>
      fetch(to, { method: "POST", headers: { "content-type": type }, body });

    const forged = await post(url.replace(/sig=.*/, "sig=AAAA"));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: "Unauthorized" } });
    const get = await fetch(url);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    const broken = await post(url, "{ name: Ada");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { message: expect.stringContaining("not JSON") } });
    expect(backend.engine.listRuns({ flowId }).runs).toHaveLength(0);
    // The flow's owner sees the refusals in the workflow list, not only the caller.
    await Promise.resolve();
    expect(backend.publisher.getWorkflow(flowId).startProblems).toMatchObject({
      count: 3,
      last: expect.stringMatching(/^an HTTP request was refused \(400\): its body is not JSON/),
    });

    backend.publisher.disable(flowId);
    const off = await post(url);
    expect(off.status).toBe(404);
    expect(await off.json()).toMatchObject({
      error: { message: expect.stringContaining("disabled or unpublished") },
    });
    expect(backend.engine.listRuns({ flowId }).runs).toHaveLength(0);
    // Its owner sees that it came, and that it will not start the flow later.
    await Promise.resolve();
    expect(backend.publisher.getWorkflow(flowId).startProblems).toMatchObject({
      count: 4,
      last: "an HTTP request was refused (404): the flow was turned off; the request will not start it later.",
    });
    backend.publisher.enable(flowId);
    expect(backend.engine.listRuns({ flowId }).runs).toHaveLength(0);
  });

  it("answer 202 with the run when the flow has no Response step, and 502 when its Response did not run", async () => {
    const { backend } = await world();
    const quiet = publish(
      backend,
      "Quiet",
      httpFlow({ Note: { type: "Compose", inputs: "@triggerBody()", runAfter: {} } }),
    );
    const accepted = await fetch(backend.hooks.address(quiet).url, { method: "POST", body: "plain words" });
    expect(accepted.status).toBe(202);
    const runId = accepted.headers.get("x-ms-workflow-run-id") ?? "";
    await backend.engine.idle();
    expect(backend.engine.getRun(runId)?.steps.find((s) => s.action === "Note")?.outputs).toBe("plain words");

    const skipped = publish(
      backend,
      "Skipped answer",
      httpFlow({
        Fail: {
          type: "Terminate",
          inputs: { runStatus: "Failed", runError: { code: "No", message: "No." } },
          runAfter: {},
        },
        Response: { ...(GREETING.Response as object), runAfter: { Fail: ["Succeeded"] } } as never,
      }),
    );
    const none = await fetch(backend.hooks.address(skipped).url, { method: "POST", body: "{}" });
    expect(none.status).toBe(502);
    expect(await none.json()).toMatchObject({
      error: { code: "NoResponse", message: expect.stringContaining("(Failed)") },
    });
  });

  it("keep their address across launches: the same port and the same signature", async () => {
    const dataDir = tempDir();
    const first = await world(dataDir);
    const flowId = publish(first.backend, "Greeter", httpFlow(GREETING));
    const before = first.backend.hooks.address(flowId).url;
    await first.server.close();
    first.backend.close();
    open.splice(0);

    const again = await world(dataDir);
    expect(again.backend.hooks.address(flowId).url).toBe(before);
    expect(again.backend.info().notices).toEqual([]);
    const answer = await fetch(before, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Grace" }),
    });
    expect(answer.status).toBe(201);
  });

  it("move to another port when theirs is taken, and say so", async () => {
    const dataDir = tempDir();
    const first = await world(dataDir);
    const flowId = publish(first.backend, "Greeter", httpFlow(GREETING));
    const port = first.server.port;
    first.backend.close();
    open.splice(0);
    // The first server still holds the port when the app starts again.
    const again = testBackend(dataDir);
    const moved = await startHookServer(again.hooks);
    open.push({ backend: again, server: moved }, { server: first.server });
    expect(moved.port).not.toBe(port);
    expect(again.hooks.address(flowId).url).toContain(`:${moved.port}/hooks/`);
    expect(again.info().notices).toMatchObject([
      { level: "warning", message: expect.stringContaining(`Port ${port} was taken by another program`) },
    ]);
  });

  it("serve only their own addresses, to requests for 127.0.0.1", async () => {
    const { server } = await world();
    expect((await fetch(`${server.origin}/api/call/flows.list`, { method: "POST" })).status).toBe(404);
    // A page of another site reaching 127.0.0.1 through its own name (DNS rebinding) is turned away.
    const rebound = await new Promise<number>((resolve, reject) => {
      request(`${server.origin}/hooks/x?sig=y`, { headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
    expect(rebound).toBe(421);
  });
});
