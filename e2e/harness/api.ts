// Setting up a journey through the app's own contract, from the page (the cookie carries the token).
import type { Page } from "@playwright/test";

export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`/api/call/${m}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(i),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value as T;
}

export async function createFlow(
  page: Page,
  name: string,
  kind: string,
  definition: unknown,
): Promise<string> {
  const flow = await callApi<{ id: string }>(page, "flows.create", { name, kind, definition });
  return flow.id;
}

/** Starts a test run of the flow's draft with an empty trigger body; returns the run's id. */
export async function startDraftRun(page: Page, flowId: string): Promise<string> {
  const { runId } = await callApi<{ runId: string }>(page, "runs.start", {
    flowId,
    source: { draft: true },
    triggerOutputs: { body: {} },
  });
  return runId;
}

/** Creates an instant flow with this definition and starts a test run of it; returns the run's id. */
export async function runInstantFlow(page: Page, name: string, definition: unknown): Promise<string> {
  return startDraftRun(page, await createFlow(page, name, "instant", definition));
}
