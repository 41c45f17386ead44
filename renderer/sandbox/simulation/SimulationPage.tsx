import { t } from "../../i18n";
import { SubHeader } from "../parts/SubHeader";
import { ClockCard } from "./ClockCard";
import { FaultsCard } from "./FaultsCard";
import { ResetCard } from "./ResetCard";
import { SnapshotsCard } from "./SnapshotsCard";

/** The simulation's controls: demo data, snapshots, injected faults and the clock. */
export function SimulationPage() {
  return (
    <div className="sbx-body sbx-scroll">
      <SubHeader title={t("sandbox.simulation.title")} subtitle={t("sandbox.simulation.subtitle")} />
      <div className="sbx-sim-grid">
        <div className="sbx-sim-column">
          <ResetCard />
          <SnapshotsCard />
        </div>
        <div className="sbx-sim-column">
          <ClockCard />
          <FaultsCard />
        </div>
      </div>
    </div>
  );
}
