import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { StartupError } from "../errors.ts";
import { RunAborted } from "../runner/run-aborted.ts";

/** A harness event the evaluator plays on Prometheus, Alertmanager or a receiver. */
export interface EvaluatorEvent {
  readonly at: number;
  readonly kind:
    | "prometheus-down"
    | "prometheus-up"
    | "alertmanager-down"
    | "alertmanager-up"
    | "receiver-down"
    | "receiver-up";
  readonly receiver?: string;
}

/** The header: configs as written (fleet time), the drill's length and its harness events. */
export interface EvaluatorInput {
  readonly prometheusConfig: string;
  readonly ruleFiles: readonly string[];
  readonly alertmanagerConfig: string;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  readonly events: readonly EvaluatorEvent[];
}

/** What the fleet answers to one scrape. */
export type ScrapeReply =
  | {
      readonly status: "ok";
      readonly statusCode: number;
      readonly contentType: string;
      readonly body: string;
      readonly delaySeconds?: number;
    }
  | { readonly status: "refused" }
  | { readonly status: "hang" };

/** One output line of the evaluator (fleet seconds since t=0). */
export type EvaluatorRecord =
  | {
      readonly kind: "alert";
      readonly at: number;
      readonly state: "pending" | "firing" | "inactive";
      readonly alertname: string;
      readonly labels: Readonly<Record<string, string>>;
      readonly annotations: Readonly<Record<string, string>>;
      readonly activeAt: number;
      readonly group: string;
    }
  | {
      readonly kind: "rule-error";
      readonly at: number;
      readonly group: string;
      readonly rule: string;
      readonly error: string;
    }
  | {
      readonly kind: "notification";
      readonly at: number;
      readonly receiver: string;
      readonly groupKey: string;
      readonly status: "firing" | "resolved";
      readonly failed?: boolean;
      readonly alerts: readonly {
        readonly status: "firing" | "resolved";
        readonly labels: Readonly<Record<string, string>>;
        readonly annotations: Readonly<Record<string, string>>;
      }[];
    }
  | { readonly kind: "start"; readonly zeroUnixMs: number }
  | { readonly kind: "end"; readonly at: number };

/** How the evaluator reaches the fleet while it runs. */
export interface EvaluatorHooks {
  /** Called once with the wall time of fleet t=0 on the fake clock, before the first scrape. */
  onStart(zeroUnixMs: number): Promise<void>;
  /** Answers one scrape at fleet second `at`; the fake clock waits for the answer. */
  scrape(target: string, path: string, at: number): Promise<ScrapeReply>;
  /** Ctrl-C: the evaluator is killed at once and the run rejects with RunAborted. */
  readonly signal?: AbortSignal;
}

/**
 * Runs the evaluator binary in `cwd` over one drill (relative rule files are read from there):
 * writes the header, answers its scrapes in order, and resolves to every record it wrote.
 * Rejects with a StartupError naming its last stderr.
 */
export async function runEvaluator(
  binary: string,
  input: EvaluatorInput,
  hooks: EvaluatorHooks,
  cwd?: string,
): Promise<EvaluatorRecord[]> {
  const child = spawn(binary, [], { stdio: ["pipe", "pipe", "pipe"], ...(cwd ? { cwd } : {}) });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code ?? 1));
  });
  child.stdin.on("error", () => undefined);
  const abort = () => child.kill("SIGKILL");
  hooks.signal?.addEventListener("abort", abort, { once: true });
  child.stdin.write(`${JSON.stringify({ kind: "config", ...input })}\n`);
  const records: EvaluatorRecord[] = [];
  let fatal: string | undefined;
  let failure: unknown;
  const lines = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      if (!line.startsWith("{")) continue; // testing.Main's PASS/FAIL lines
      const record = JSON.parse(line) as
        | EvaluatorRecord
        | { kind: "scrape"; id: number; target: string; path: string; at: number }
        | { kind: "fatal"; error: string };
      if (record.kind === "scrape") {
        const reply = await hooks.scrape(record.target, record.path, record.at);
        writeReply(child.stdin, record.id, reply);
        continue;
      }
      if (record.kind === "fatal") {
        fatal = record.error;
        continue;
      }
      if (record.kind === "start") await hooks.onStart(record.zeroUnixMs);
      records.push(record);
    }
  } catch (error) {
    failure = error;
    child.kill("SIGKILL");
  }
  const code = await exited;
  hooks.signal?.removeEventListener("abort", abort);
  if (hooks.signal?.aborted) throw new RunAborted("The run was interrupted.");
  if (failure) throw failure;
  if (fatal !== undefined || code !== 0) {
    throw new StartupError(
      `Failed to evaluate in virtual time: ${fatal ?? `the evaluator exited with code ${code}`}. Its last output:\n${stderr.trim()}`,
      { component: "evaluator", logTail: stderr },
    );
  }
  return records;
}

// One scrape answer: its JSON line, then an ok answer's body as raw bytes (bodyBytes long),
// which spares escaping every exposition into JSON and parsing it back.
function writeReply(stdin: NodeJS.WritableStream, id: number, reply: ScrapeReply): void {
  if (reply.status !== "ok") {
    stdin.write(`${JSON.stringify({ kind: "scrape-reply", id, ...reply })}\n`);
    return;
  }
  const { body, ...rest } = reply;
  const bytes = Buffer.from(body, "utf8");
  const line = JSON.stringify({ kind: "scrape-reply", id, ...rest, bodyBytes: bytes.length });
  stdin.write(Buffer.concat([Buffer.from(`${line}\n`), bytes]));
}
