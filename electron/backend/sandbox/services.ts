// The parts of the world a connector operation may use.
import type { Approvals } from "./approvals";
import type { BcActions } from "./bc-actions";
import type { BcRequests } from "./bc-requests";
import type { BusinessCentral } from "./business-central";
import type { Excel } from "./excel";
import type { Mail } from "./mail";
import type { Notifications } from "./notifications";
import type { Directory } from "./people";
import type { Teams } from "./teams";
import type { Workflows } from "./workflows";
import type { World } from "./world";

export interface Services {
  world: World;
  directory: Directory;
  bc: BusinessCentral;
  requests: BcRequests;
  actions: BcActions;
  approvals: Approvals;
  mail: Mail;
  teams: Teams;
  excel: Excel;
  notifications: Notifications;
  workflows: Workflows;
  /** The person the flows' connections belong to: "me" of Send me a notification, the default sender. */
  connectionUser(): string;
}
