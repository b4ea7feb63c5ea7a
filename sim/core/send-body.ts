import type http from "node:http";

/** Answers with a complete body of the given type and its length. */
export function sendBody(
  res: http.ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}
