// Every operation the sandbox implements, by connector id and operationId.
import { approvals } from "./approvals";
import { businessCentral } from "./businesscentral";
import { excel } from "./excel";
import type { ConnectorHandlers } from "./handler";
import { notifications } from "./notifications";
import { office365 } from "./office365";
import { teams } from "./teams";

export const HANDLERS: Readonly<Record<string, ConnectorHandlers>> = {
  shared_dynamicssmbsaas: businessCentral,
  shared_approvals: approvals,
  shared_office365: office365,
  shared_teams: teams,
  shared_excelonlinebusiness: excel,
  shared_flowpush: notifications,
};
