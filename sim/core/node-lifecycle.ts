import type { Heal } from "./fault-definition.ts";
import type { LoopbackServer } from "./loopback-server.ts";
import type { NodeState } from "./sim-node.ts";

/** What a node does when it stops running (crashed or hung) and when it runs again. */
export interface LifecycleHooks {
  pause(): void;
  /** `restarted`: the process came back from a crash, so in-memory state starts over. */
  resume(restarted: boolean): void;
}

/**
 * Crash and hang for one node's listener, stackable: two crash faults need two heals, a hang
 * under a crash shows once the crash heals. Operations run one at a time.
 *
 * @example
 * const lifecycle = new NodeLifecycle(server, { pause: () => workload.stop(), resume: () => workload.start() });
 * const heal = await lifecycle.crash();
 * await heal(); // listens on the same port again
 */
export class NodeLifecycle {
  readonly #server: LoopbackServer;
  readonly #hooks: LifecycleHooks;
  #crashes = 0;
  #hangs = 0;
  #crashedSinceRun = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(server: LoopbackServer, hooks: LifecycleHooks) {
    this.#server = server;
    this.#hooks = hooks;
  }

  get state(): NodeState {
    if (this.#crashes > 0) return "crashed";
    if (this.#hangs > 0) return "hung";
    return "up";
  }

  get running(): boolean {
    return this.#crashes === 0 && this.#hangs === 0;
  }

  /** Closes the listener; the returned heal restarts it once no other crash holds it down. */
  crash(): Promise<Heal> {
    return this.#serial(async () => {
      const wasRunning = this.running;
      this.#crashes++;
      this.#crashedSinceRun = true;
      if (this.#crashes === 1) await this.#server.crash();
      if (wasRunning) this.#hooks.pause();
      return this.#once(async () => {
        this.#crashes--;
        if (this.#crashes === 0) {
          await this.#server.restart();
          this.#maybeResume();
        }
      });
    });
  }

  /** Stops answering; the returned heal answers again once no other hang holds it. */
  hang(): Promise<Heal> {
    return this.#serial(async () => {
      const wasRunning = this.running;
      this.#hangs++;
      this.#server.hang();
      if (wasRunning) this.#hooks.pause();
      return this.#once(async () => {
        this.#hangs--;
        if (this.#hangs === 0) {
          this.#server.resume();
          this.#maybeResume();
        }
      });
    });
  }

  // Resumes the node's work when nothing holds it down any more.
  #maybeResume(): void {
    if (!this.running) return;
    const restarted = this.#crashedSinceRun;
    this.#crashedSinceRun = false;
    this.#hooks.resume(restarted);
  }

  // A heal that runs in the queue and at most once.
  #once(fn: () => Promise<void>): Heal {
    let done = false;
    return () =>
      this.#serial(async () => {
        if (done) return;
        done = true;
        await fn();
      });
  }

  // Runs lifecycle changes one after another, so a heal never races an inject.
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(fn, fn);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
