import { Background, Controls, MiniMap, type NodeTypes, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import type { Flow } from "../../shared/api";
import { triggerTitle } from "../flows/trigger-title";
import { t } from "../i18n";
import { TriggerNode, type TriggerNodeType } from "./nodes/TriggerNode";

const nodeTypes: NodeTypes = { trigger: TriggerNode };

export function Canvas({ flow, dark }: { flow: Flow; dark: boolean }) {
  const nodes = useMemo<TriggerNodeType[]>(
    () =>
      flow.triggerName
        ? [
            {
              id: `trigger:${flow.triggerName}`,
              type: "trigger",
              position: { x: 0, y: 0 },
              data: { title: triggerTitle(flow), kind: flow.kind, name: flow.triggerName },
              draggable: false,
            },
          ]
        : [],
    [flow],
  );
  return (
    <ReactFlowProvider>
      <section className="canvas" aria-label={t("designer.canvas")}>
        <ReactFlow
          nodes={nodes}
          edges={[]}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ maxZoom: 1, padding: 0.4 }}
          colorMode={dark ? "dark" : "light"}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable />
        </ReactFlow>
      </section>
    </ReactFlowProvider>
  );
}
