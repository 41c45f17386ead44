// Every schema step, in order. Add a file per migration; never edit one that has shipped.
import type { Migration } from "../migration";
import { flowsMigration } from "./0001-flows";
import { sandboxMigration } from "./0002-sandbox";
import { engineMigration } from "./0003-engine";
import { appMetaMigration } from "./0004-app-meta";
import { publishMigration } from "./0005-publish";
import { runLogMigration } from "./0006-run-log";
import { runIndexesMigration } from "./0007-run-indexes";
import { sandboxCallsMigration } from "./0008-sandbox-calls";
import { runQueueMigration } from "./0009-run-queue";
import { mailFlagsMigration } from "./0010-mail-flags";
import { startProblemsMigration } from "./0011-start-problems";
import { runIndexesAscendingMigration } from "./0012-run-indexes-ascending";
import { bcRequestDeciderMigration } from "./0013-bc-request-decider";

export const MIGRATIONS: readonly Migration[] = [
  flowsMigration,
  sandboxMigration,
  engineMigration,
  appMetaMigration,
  publishMigration,
  runLogMigration,
  runIndexesMigration,
  sandboxCallsMigration,
  runQueueMigration,
  mailFlagsMigration,
  startProblemsMigration,
  runIndexesAscendingMigration,
  bcRequestDeciderMigration,
];
