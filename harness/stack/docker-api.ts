import http from "node:http";

/** An answer of the Docker engine's HTTP API. */
export interface DockerApiResponse {
  readonly status: number;
  /** Parsed JSON when the engine answered JSON, otherwise the text. */
  readonly body: unknown;
}

/** Where the engine listens: $DOCKER_HOST (unix:// or tcp://) or /var/run/docker.sock. */
export function dockerEndpoint(): { socketPath: string } | { host: string; port: number } {
  const dockerHost = process.env.DOCKER_HOST;
  if (dockerHost?.startsWith("tcp://")) {
    const url = new URL(dockerHost.replace(/^tcp:/, "http:"));
    return { host: url.hostname, port: Number(url.port || 2375) };
  }
  if (dockerHost?.startsWith("unix://")) return { socketPath: dockerHost.slice("unix://".length) };
  return { socketPath: "/var/run/docker.sock" };
}

/**
 * One request to the Docker engine's API, without the docker CLI or dockerode: fast enough for
 * the leftover scan that runs before every drill.
 */
export function dockerApi(
  method: string,
  apiPath: string,
  options: { timeoutMs?: number } = {},
): Promise<DockerApiResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { ...dockerEndpoint(), method, path: apiPath, timeout: options.timeoutMs ?? 5_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          if (response.headers["content-type"]?.includes("json")) {
            try {
              body = JSON.parse(text);
            } catch {
              // Keep the text: the caller reports it.
            }
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () =>
      request.destroy(new Error(`no answer within ${options.timeoutMs ?? 5_000} ms`)),
    );
    request.on("error", reject);
    request.end();
  });
}
