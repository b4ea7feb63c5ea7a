import { freePorts } from "./free-port.ts";
import type { StackPorts } from "./types.ts";

/** Chooses distinct free loopback ports for every listener of the stack. */
export async function allocateStackPorts(): Promise<StackPorts> {
  const [
    prometheus,
    alertmanager,
    alertmanagerCluster,
    collectorOtlpGrpc,
    collectorOtlpHttp,
    collectorPrometheus,
    collectorTelemetry,
  ] = await freePorts(7);
  return {
    prometheus: prometheus!,
    alertmanager: alertmanager!,
    alertmanagerCluster: alertmanagerCluster!,
    collectorOtlpGrpc: collectorOtlpGrpc!,
    collectorOtlpHttp: collectorOtlpHttp!,
    collectorPrometheus: collectorPrometheus!,
    collectorTelemetry: collectorTelemetry!,
  };
}
