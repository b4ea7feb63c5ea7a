import type http from "node:http";
import type { SeededRandom } from "../core/seeded-random.ts";
import { httpIo } from "./http-io.ts";
import type { RequestScope } from "./service-log.ts";

/**
 * What a request's headers say: how many identical requests it stands for (x-firedrill-weight,
 * 1 to 1000) and the scope its events carry (x-request-id, else a fresh id drawn from `random`;
 * x-cognitora-subject, else key:anonymous).
 */
export function requestHeaders(
  req: http.IncomingMessage,
  random: SeededRandom,
): { weight: number; scope: RequestScope } {
  const weight = Math.min(1000, Math.max(1, Number(httpIo.header(req, "x-firedrill-weight")) || 1));
  const scope: RequestScope = {
    requestId: httpIo.header(req, "x-request-id") ?? random.faker.string.uuid(),
    subject: httpIo.header(req, "x-cognitora-subject") ?? "key:anonymous",
  };
  return { weight, scope };
}
