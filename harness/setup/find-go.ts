import { constants } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { SetupError } from "./setup-error.ts";

/** Where these machines keep Go when it is not on PATH. */
const fallbackGo = "/usr/local/go/bin/go";

/** Finds the `go` binary: $PATH first, then /usr/local/go/bin; throws a SetupError with the fix. */
export async function findGo(step: string): Promise<string> {
  const candidates = [
    ...(process.env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, "go")),
    fallbackGo,
  ];
  for (const candidate of candidates) {
    const ok = await access(candidate, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (ok) return candidate;
  }
  throw new SetupError(
    `Failed to run step ${step}: no \`go\` on PATH or at ${fallbackGo}; firedrill builds Prometheus, Alertmanager and the Collector from their Go modules. Install Go (1.26.7 or newer, as Prometheus 3.16's go.mod asks) into /usr/local/go, or run \`scripts/install-system.sh\`, then \`npx firedrill setup\` again.`,
    { step },
  );
}
