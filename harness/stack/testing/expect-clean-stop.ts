import { expect } from "vitest";
import { checkPortFree } from "../check-port-free.ts";
import type { StartedStack } from "../types.ts";

/**
 * For tests: a started stack stops, twice without complaint, leaving nothing the run started
 * (`leftovers()`: its processes or containers) and freeing `ports`.
 */
export async function expectCleanStop(
  stack: StartedStack,
  leftovers: () => Promise<readonly unknown[]>,
  ports: readonly number[],
): Promise<void> {
  await stack.stop();
  await stack.stop();
  expect(await leftovers()).toEqual([]);
  for (const port of ports) await checkPortFree(port);
}
