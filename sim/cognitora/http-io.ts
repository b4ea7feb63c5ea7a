import type http from "node:http";

/** Largest request body a Cognitora binary reads. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * Small JSON helpers for the binaries' HTTP handlers.
 *
 * @example
 * const body = await httpIo.readJson(req);
 * httpIo.sendJson(res, 200, { ok: true });
 */
export const httpIo = {
  /** Reads a JSON body; anything unreadable is an empty object (the handler validates fields). */
  async readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return {};
      chunks.push(chunk);
    }
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  },

  sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  },

  sendText(res: http.ServerResponse, status: number, contentType: string, body: string): void {
    res.writeHead(status, {
      "content-type": contentType,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  },

  /** A header's single value. */
  header(req: http.IncomingMessage, name: string): string | undefined {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  },
};
