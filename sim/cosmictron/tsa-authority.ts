import { HttpResponse } from "msw";
import type { Clock } from "../core/clock.ts";
import { InterceptedService } from "../core/intercepted-service.ts";
import { KeyedEffects } from "../core/keyed-effects.ts";

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
export class TsaAuthority extends InterceptedService {
  static readonly url = "https://tsa.cosmictron.example/timestamp";
  static readonly nodeHeader = NODE_HEADER;
  readonly #clock: Clock;
  readonly #modes = new KeyedEffects<Exclude<TsaMode, "ok">>();
  #serial = 1;

  constructor(options: { clock: Clock }) {
    super("post", TsaAuthority.url);
    this.#clock = options.clock;
  }

  /** Makes the authority fail requests from `node` in `mode` until the returned heal runs. */
  degrade(node: string, mode: Exclude<TsaMode, "ok">): () => void {
    return this.#modes.add(node, mode);
  }

  /** How the authority currently answers `node`. */
  mode(node: string): TsaMode {
    return this.#modes.of(node)?.latest() ?? "ok";
  }

  /** Answers one timestamp request according to the requesting node's mode. */
  protected async answer(request: Request): Promise<Response> {
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
