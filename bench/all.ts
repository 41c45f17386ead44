// `npm run bench`: every figure the issues ask for, printed with its goal. Figures, never assertions.
// Pick sections with --only=core,designer,engine,sandbox,publish,workflow-list.
import { benchCore } from "./core.bench";
import { benchDesigner } from "./designer.bench";
import { benchEngine, benchThroughput } from "./engine.bench";
import { benchNodeRed } from "./node-red.bench";
import { benchPublish } from "./publish.bench";
import { benchSandbox } from "./sandbox.bench";
import { median, round } from "./stats";
import { benchWorkflowList } from "./workflow-list.bench";

type Figures = Record<string, number | string>;

const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const inputs = Number(
  process.argv.find((a) => a.startsWith("--inputs="))?.slice("--inputs=".length) ?? 100_000,
);

async function engineAgainstNodeRed(): Promise<Figures> {
  const figures = await benchEngine({ inputs });
  let nodeRed: Figures;
  try {
    const red = await benchNodeRed(inputs);
    const redMedian = median(red.messagesPerSecond);
    const file = Number(figures.runsPerSecondSqliteFile);
    const memory = Number(figures.runsPerSecondInMemory);
    nodeRed = {
      nodeRedVersion: red.version,
      nodeRedMessagesPerSecond: Math.round(redMedian),
      ratioJournalOnSqliteFileToNodeRed: round(file / redMedian),
      ratioInMemoryToNodeRed: round(memory / redMedian),
      ratioInMemoryEventsHeardToNodeRed: round(Number(figures.runsPerSecondInMemoryEventsHeard) / redMedian),
      // What the engine's own work allows, whatever the journal: the ceiling of the in-memory ratio.
      ratioEngineAloneToNodeRed: round(Number(figures.engineAloneRunsPerSecondNoSql) / redMedian),
      ratioJournalOnSqliteFileEachStartCommittedToNodeRed: round(
        Number(figures.runsPerSecondSqliteFileEachStartCommitted) / redMedian,
      ),
      ratioGoal: "journal on SQLite ≥ 1, in memory ≥ 3",
    };
  } catch (error) {
    nodeRed = { nodeRed: `not measured: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ...figures, ...nodeRed };
}

const sections: [string, () => Promise<Figures>][] = [
  ["core", () => benchCore()],
  ["designer", () => benchDesigner()],
  ["engine", engineAgainstNodeRed],
  ["sandbox", () => benchSandbox()],
  ["publish", () => benchPublish()],
  ["workflow-list", () => benchWorkflowList()],
];

for (const [name, run] of sections) {
  if (only && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const started = performance.now();
  try {
    const figures = await run();
    for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(44)} ${value}`);
  } catch (error) {
    console.log(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`  (${round((performance.now() - started) / 1000, 1)} s)`);
}

export { benchThroughput };
