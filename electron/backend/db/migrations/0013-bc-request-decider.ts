import type { Migration } from "../migration";

// Who decided a Business Central approval request (the approver who answered the built-in
// workflow's approval, or the flow that approved it), so a record's card can say "Approved by …"
// after the fact. Held as JSON: {"kind":"person","email":…} or {"kind":"flow","flowName":…}.
export const bcRequestDeciderMigration: Migration = {
  version: 13,
  name: "sandbox: who decided a Business Central approval request",
  up(db) {
    db.exec(`
      ALTER TABLE sb_bc_requests ADD COLUMN decided_by TEXT;
      ALTER TABLE sb_snap_bc_requests ADD COLUMN decided_by TEXT;
    `);
  },
};
