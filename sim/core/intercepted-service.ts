import { http } from "msw";
import { type SetupServerApi, setupServer } from "msw/node";

/**
 * An external HTTP service a system's nodes call, answered in-process by msw (the timestamp
 * authority, the chain RPC, the inference engines): requests to its URL reach `answer`, every
 * other request passes through. A service says where it listens and how it answers.
 *
 * @example
 * class Demo extends InterceptedService {
 *   constructor() { super("post", "https://demo.example/"); }
 *   protected answer() { return HttpResponse.json({ ok: true }); }
 * }
 */
export abstract class InterceptedService {
  readonly #server: SetupServerApi;

  /**
   * `url` is an msw path pattern, or a RegExp of whole URLs (msw compiles a string pattern again
   * on every request); "all" answers every method.
   */
  protected constructor(method: "post" | "all", url: string | RegExp) {
    this.#server = setupServer(http[method](url, ({ request }) => this.answer(request)));
  }

  /** Answers one intercepted request; undefined leaves it unhandled. */
  protected abstract answer(request: Request): Promise<Response> | Response | undefined;

  /** Starts intercepting requests to the service; every other request passes through. */
  listen(): void {
    this.#server.listen({ onUnhandledRequest: "bypass" });
  }

  /** Stops intercepting. */
  close(): void {
    this.#server.close();
  }
}
