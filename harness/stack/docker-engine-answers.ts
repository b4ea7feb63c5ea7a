import { access } from "node:fs/promises";
import { dockerApi, dockerEndpoint } from "./docker-api.ts";

/** Whether a Docker engine answers GET /_ping; quick (no socket file, no wait). */
export async function dockerEngineAnswers(timeoutMs = 1_000): Promise<boolean> {
  const endpoint = dockerEndpoint();
  if ("socketPath" in endpoint) {
    const present = await access(endpoint.socketPath).then(
      () => true,
      () => false,
    );
    if (!present) return false;
  }
  try {
    const { status } = await dockerApi("GET", "/_ping", { timeoutMs });
    return status === 200;
  } catch {
    return false;
  }
}
