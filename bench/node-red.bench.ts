// Node-RED 4 on the same logic as the engine's peer flow, for the engine's throughput ratio (issue 5).
// Node-RED is installed with npm into a cache folder outside the repository the first time, started on
// loopback, and given the flow through its admin API. A function node emits the inputs (the same
// amounts as peerInputs()) and a counter at the end notes when the last message arrives.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "flowsmith-bench", "node-red");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function ensureInstalled(): string {
  const red = join(CACHE, "node_modules", "node-red", "red.js");
  if (!existsSync(red)) {
    mkdirSync(CACHE, { recursive: true });
    console.log(`Installing Node-RED 4 into ${CACHE} (first run only)…`);
    execFileSync(
      "npm",
      ["install", "--prefix", CACHE, "--no-audit", "--no-fund", "--omit=dev", "node-red@4"],
      { stdio: "inherit" },
    );
  }
  return red;
}

function peerFlow(count: number): unknown[] {
  // Ids unlike any type or value: Node-RED takes a property equal to a node's id for a reference to it.
  const tab = "peer-tab";
  return [
    { id: tab, type: "tab", label: "Flowsmith peer flow" },
    {
      id: "peer-go",
      type: "inject",
      z: tab,
      props: [{ p: "payload" }],
      payload: "",
      payloadType: "date",
      repeat: "",
      once: false,
      wires: [["peer-emit"]],
    },
    {
      id: "peer-emit",
      type: "function",
      z: tab,
      outputs: 1,
      func: `global.set("count", 0); global.set("done", 0); global.set("start", Date.now());
for (let i = 0; i < ${count}; i++) node.send({ payload: { id: i, amount: (i * 7919) % 2500 } });
return null;`,
      wires: [["peer-switch"]],
    },
    {
      id: "peer-switch",
      type: "switch",
      z: tab,
      property: "payload.amount",
      propertyType: "msg",
      rules: [{ t: "gt", v: "1000", vt: "num" }, { t: "else" }],
      checkall: "false",
      outputs: 2,
      wires: [["peer-high"], ["peer-low"]],
    },
    {
      id: "peer-high",
      type: "change",
      z: tab,
      rules: [
        { t: "set", p: "tier", pt: "msg", to: "high", tot: "str" },
        { t: "set", p: "category", pt: "msg", to: "review", tot: "str" },
      ],
      wires: [["peer-fee"]],
    },
    {
      id: "peer-low",
      type: "change",
      z: tab,
      rules: [
        { t: "set", p: "tier", pt: "msg", to: "low", tot: "str" },
        { t: "set", p: "category", pt: "msg", to: "auto", tot: "str" },
      ],
      wires: [["peer-fee"]],
    },
    {
      id: "peer-fee",
      type: "function",
      z: tab,
      outputs: 1,
      func: 'msg.fee = Math.round(msg.payload.amount * (msg.tier === "high" ? 1.5 : 2.5)) / 100; return msg;',
      wires: [["peer-counter"]],
    },
    {
      id: "peer-counter",
      type: "function",
      z: tab,
      outputs: 1,
      func: `const c = (global.get("count") || 0) + 1; global.set("count", c); if (c === ${count}) global.set("done", Date.now()); return null;`,
      wires: [[]],
    },
    {
      id: "peer-result-in",
      type: "http in",
      z: tab,
      url: "/bench-result",
      method: "get",
      wires: [["peer-result"]],
    },
    {
      id: "peer-result",
      type: "function",
      z: tab,
      outputs: 1,
      func: 'msg.payload = { start: global.get("start"), done: global.get("done"), count: global.get("count") }; return msg;',
      wires: [["peer-result-out"]],
    },
    { id: "peer-result-out", type: "http response", z: tab, statusCode: "", headers: {}, wires: [] },
  ];
}

export async function benchNodeRed(
  inputs = 100_000,
  rounds = 3,
): Promise<{ messagesPerSecond: number[]; version: string }> {
  const red = ensureInstalled();
  const port = await freePort();
  const userDir = mkdtempSync(join(tmpdir(), "flowsmith-bench-nodered-"));
  const settings = join(userDir, "settings.js");
  writeFileSync(
    settings,
    `module.exports = { uiHost: "127.0.0.1", uiPort: ${port}, flowFile: "flows.json", credentialSecret: false,
      diagnostics: { enabled: false }, runtimeState: { enabled: false }, externalModules: { palette: { allowInstall: false } },
      editorTheme: { tours: false }, logging: { console: { level: "error", metrics: false, audit: false } } };`,
  );
  const child = spawn(process.execPath, [red, "--settings", settings, "--userDir", userDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Read what it prints (an unread pipe fills up and stops Node-RED mid-write); keep the end of it
  // for the error if the round never finishes.
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/settings`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 300) throw new Error("Node-RED did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const version = ((await (await fetch(`${base}/settings`)).json()) as { version?: string }).version ?? "?";
    const deployed = await fetch(`${base}/flows`, {
      method: "POST",
      headers: { "content-type": "application/json", "Node-RED-Deployment-Type": "full" },
      body: JSON.stringify(peerFlow(inputs)),
    });
    if (!deployed.ok) throw new Error(`deploy failed: ${deployed.status} ${await deployed.text()}`);
    await new Promise((r) => setTimeout(r, 500));
    const messagesPerSecond: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const fired = await fetch(`${base}/inject/peer-go`, { method: "POST" });
      if (!fired.ok) throw new Error(`inject failed: ${fired.status}`);
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (Date.now() > deadline)
          throw new Error(`Node-RED did not finish a round in 2 minutes:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
        const result = (await (await fetch(`${base}/bench-result`)).json()) as {
          start: number;
          done: number;
          count: number;
        };
        if (result.done && result.count === inputs) {
          messagesPerSecond.push((inputs / (result.done - result.start)) * 1000);
          break;
        }
      }
    }
    return { messagesPerSecond, version };
  } finally {
    child.kill("SIGTERM");
    rmSync(userDir, { recursive: true, force: true });
  }
}
