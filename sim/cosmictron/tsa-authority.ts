import { HttpResponse, http } from "msw";
import { type SetupServerApi, setupServer } from "msw/node";
import type { Clock } from "../core/clock.ts";
import { EffectStack } from "../core/effect-stack.ts";

/** How the timestamp authority answers a node: normally, with HTTP 500, or never. */
export type TsaMode = "ok" | "error" | "timeout";

/** Fleet milliseconds an unanswered request is held before the connection drops. */
const HOLD_MS = 30_000;

/** The header a Cosmictron node sends so the authority can fail it alone. */
const NODE_HEADER = "x-cosmictron-node";

/**
 * The external RFC 3161 timestamp authority Cosmictron's compliance module calls, answered by msw
 * handlers inside the sim host process (so no traffic leaves the machine). Faults switch how it
 * answers one node: HTTP 500, or no answer until the client gives up.
 *
 * @example
 * const tsa = new TsaAuthority({ clock });
 * tsa.listen();
 * const heal = tsa.degrade("cosmictron-0", "timeout");
 */
export class TsaAuthority {
  static readonly url = "https://tsa.cosmictron.example/timestamp";
  static readonly nodeHeader = NODE_HEADER;
  readonly #clock: Clock;
  readonly #modes = new Map<string, EffectStack<Exclude<TsaMode, "ok">>>();
  readonly #server: SetupServerApi;
  #serial = 1;

  constructor(options: { clock: Clock }) {
    this.#clock = options.clock;
    this.#server = setupServer(http.post(TsaAuthority.url, ({ request }) => this.#answer(request)));
  }

  /** Starts intercepting requests to the authority; every other request passes through. */
  listen(): void {
    this.#server.listen({ onUnhandledRequest: "bypass" });
  }

  close(): void {
    this.#server.close();
  }

  /** Makes the authority fail requests from `node` in `mode` until the returned heal runs. */
  degrade(node: string, mode: Exclude<TsaMode, "ok">): () => void {
    let stack = this.#modes.get(node);
    if (!stack) {
      stack = new EffectStack();
      this.#modes.set(node, stack);
    }
    return stack.add(mode);
  }

  /** How the authority currently answers `node`. */
  mode(node: string): TsaMode {
    return this.#modes.get(node)?.latest() ?? "ok";
  }

  // Answers one timestamp request according to the requesting node's mode.
  async #answer(request: Request): Promise<Response> {
    const mode = this.mode(request.headers.get(NODE_HEADER) ?? "");
    if (mode === "timeout") {
      // Answer nothing until the client gives up; drop the connection after HOLD_MS of fleet
      // time anyway, so that a client without a timer (virtual clock) still sees a failure.
      await new Promise<void>((resolve) => {
        const timer = this.#clock.setTimeout(resolve, HOLD_MS);
        if (request.signal.aborted) resolve();
        request.signal.addEventListener("abort", () => {
          timer.cancel();
          resolve();
        });
      });
      return HttpResponse.error();
    }
    if (mode === "error") {
      return HttpResponse.json(
        { status: "rejection", statusString: "timestamp service unavailable" },
        { status: 500 },
      );
    }
    const body = (await request.json().catch(() => undefined)) as
      | { messageImprint?: unknown }
      | undefined;
    if (typeof body?.messageImprint !== "object" || body.messageImprint === null) {
      return HttpResponse.json(
        { status: "rejection", statusString: "badDataFormat" },
        { status: 400 },
      );
    }
    const serialNumber = this.#serial++;
    return HttpResponse.json({
      status: "granted",
      serialNumber,
      genTime: new Date(this.#clock.now()).toISOString(),
      timeStampToken: Buffer.from(`tst:${serialNumber}`).toString("base64"),
    });
  }
}
