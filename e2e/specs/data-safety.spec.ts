import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "../harness/fixtures";
import { FlowListPage } from "../pages/flow-list";

const GARBAGE = "these bytes are not an SQLite database ".repeat(200);

test.describe("a damaged database", () => {
  test.use({ dataDirFiles: { "flowsmith.db": GARBAGE } });

  test("is moved aside, never deleted, and the person is told plainly", async ({ app }) => {
    const notice = app.page.getByTestId("notice");
    await expect(notice).toContainText("Database could not be read");
    await expect(notice).toContainText("kept, untouched");
    const kept = readdirSync(app.dataDir).find((name) => name.startsWith("flowsmith.db.damaged-"));
    expect(kept).toBeDefined();
    expect(readFileSync(join(app.dataDir, kept ?? ""), "utf8")).toBe(GARBAGE);

    // The fresh database works at once.
    const list = new FlowListPage(app.page);
    await list.createFlow("After the repair", "Instant");
    await list.goto();
    await expect(list.row("After the repair")).toBeVisible();

    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toBeHidden();
  });
});
