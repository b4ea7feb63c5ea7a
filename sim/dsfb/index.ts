/** sim/dsfb: the simulated DSFB motif-engine exporter, its renderers, model and faults. */
export { dsfbFaults } from "./dsfb-faults.ts";
export { DsfbNode } from "./dsfb-node.ts";
export { dsfbSystem, TEXTFILE_DIR_ENV } from "./dsfb-system.ts";
export { dsfbTopology } from "./dsfb-topology.ts";
export type { LatePlan } from "./dsfb-workload.ts";
export { DsfbWorkload, REORDER_WINDOW_MS } from "./dsfb-workload.ts";
export type { MetricsSnapshot, MotifSnapshot, StreamingSnapshot } from "./metrics-snapshot.ts";
export type { MotifClass } from "./motif-class.ts";
export { MOTIF_CLASSES } from "./motif-class.ts";
export type { ClosedEpisode } from "./motif-engine.ts";
export { MotifEngine } from "./motif-engine.ts";
export { OPENMETRICS_CONTENT_TYPE, renderOpenMetrics } from "./render-openmetrics.ts";
export { renderPrometheusText } from "./render-prometheus-text.ts";
export type { ResidualSample } from "./streaming-ingestor.ts";
export { StreamingIngestor } from "./streaming-ingestor.ts";
export { TextfileWriter } from "./textfile-writer.ts";
