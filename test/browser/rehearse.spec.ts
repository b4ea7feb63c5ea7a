import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { firedrill, firedrillContainers, firedrillProcesses } from "../integration/support.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const shots = path.join(repoRoot, "test-results", "rehearse");

/** Resolves to the first line of stdout that is an address: rehearse prints its page's there. */
function pageAddress(child: ReturnType<typeof firedrill>, timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`no address after ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    child.all?.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void child.then(() => reject(new Error(`rehearse exited before serving:\n${seen}`)));
  });
}

// A game day in the browser: a node crash injected by a click, its alert pending → firing →
// delivered to the pager, healed, saved as a scenario that `firedrill run` then passes; Ctrl-C
// leaves nothing behind.
test("rehearse: inject by clicking, watch the alert, heal, save, replay", async ({ page }) => {
  // Up to 5 min for a first `firedrill setup` (Go builds) before the stack starts, then the drill.
  test.setTimeout(600_000);
  await mkdir(shots, { recursive: true });
  // Saved scenarios import "firedrill", which resolves inside this package: save them in it.
  const saveDir = await mkdtemp(path.join(repoRoot, "test-results", "rehearsed-"));
  const started = Date.now();
  const child = firedrill([
    "rehearse",
    "--systems",
    "cosmictron",
    "--speed",
    "30",
    "--save-dir",
    saveDir,
  ]);
  try {
    const url = await pageAddress(child);
    console.log(`rehearse served its page after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await page.goto(url);
    await expect(page.locator('#nodes tr[data-node="cosmictron-2"]')).toHaveAttribute(
      "data-state",
      "up",
    );

    const form = page.locator('form[data-fault="cosmictron.node.crash"]');
    // A param outside its range is refused in the sim's words before anything is sent.
    const stall = page.locator('form[data-fault="cosmictron.wal.fsync-stall"]');
    await stall.getByLabel("cosmictron.wal.fsync-stall latencySeconds").fill("-3");
    await stall.getByRole("button", { name: "Inject" }).click();
    await expect(stall.getByRole("alert")).toHaveText(
      'Failed to inject fault "cosmictron.wal.fsync-stall": param "latencySeconds" must be a number from 0.001 to 60, got -3. Fix the params and retry.',
    );

    await form.getByLabel("cosmictron.node.crash target").selectOption("cosmictron-2");
    await form.getByRole("button", { name: "Inject" }).click();
    await expect(page.locator('#nodes tr[data-node="cosmictron-2"]')).toHaveAttribute(
      "data-state",
      "crashed",
    );
    const alert = page
      .locator('#alerts tr[data-alert="CosmictronNoLiveness"][data-node="cosmictron-2"]')
      .first();
    await expect(alert).toHaveAttribute("data-state", "pending", { timeout: 30_000 });
    await expect(alert).toHaveAttribute("data-state", "firing", { timeout: 30_000 });
    await expect(
      page.locator('[data-receiver="pager"] [data-delivery="CosmictronNoLiveness:firing"]').first(),
    ).toBeVisible({ timeout: 30_000 });
    await page.locator("#chart-alert").selectOption("CosmictronNoLiveness");
    await expect(page.locator("#chart canvas")).toBeVisible();
    await expect(page.locator("#chart-query")).toHaveText('up{job="cosmictron"}  == 0');
    await page.screenshot({ path: path.join(shots, "rehearse-firing.png"), fullPage: true });

    await page.locator('button[data-heal="node-crash-1"]').click();
    await expect(alert).toHaveAttribute("data-state", "resolved", { timeout: 30_000 });
    await expect(
      page
        .locator('[data-receiver="pager"] [data-delivery="CosmictronNoLiveness:resolved"]')
        .first(),
    ).toBeVisible({ timeout: 30_000 });

    await page.locator("#save-name").fill("rehearsed-node-crash");
    await page.getByRole("button", { name: "Save as scenario" }).click();
    const saved = path.join(saveDir, "rehearsed-node-crash.scenario.ts");
    await expect(page.locator("#saved")).toHaveText(
      `saved ${saved} (scenario "rehearsed-node-crash")`,
    );
    await page.screenshot({ path: path.join(shots, "rehearse-saved.png"), fullPage: true });

    // Ctrl-C: everything stops, no process, container or port is left.
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode, result.all).toBe(0);
    expect(firedrillProcesses(child.pid)).toEqual([]);
    expect(firedrillContainers(child.pid)).toEqual([]);
    await expect(fetch(url)).rejects.toThrow("fetch failed");

    // The saved draft replays to a pass.
    const replay = await firedrill(["run", saved, "--report-dir", path.join(saveDir, "report")]);
    expect(replay.exitCode, replay.all).toBe(0);
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGINT");
      await child;
    }
  }
});
