import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { findGo } from "./find-go.ts";
import { buildGoModule } from "./go-module-build.ts";

const dir = useTempDir("firedrill-gomod-", { each: true });

/**
 * A `go` that stands in for the module proxy and the compiler (both need network or minutes):
 * `mod download` names a released go.mod with replace/exclude lines, `mod edit -json` is the
 * real Go's, `mod tidy` does nothing and `build` writes each binary. Every call is logged.
 */
async function fakeGo(realGo: string): Promise<string> {
  const released = path.join(dir(), "released.mod");
  await writeFile(
    released,
    `module example.com/server
go 1.23.0
require github.com/fsnotify/fsnotify v1.8.0
exclude github.com/linode/linodego v1.0.0
replace github.com/fsnotify/fsnotify v1.8.0 => github.com/fsnotify/fsnotify v1.7.0
`,
  );
  const go = path.join(dir(), "go");
  await writeFile(
    go,
    `#!/bin/sh
echo "$*" >> "${dir()}/calls"
case "$1 $2" in
  "mod download") echo '{"Dir": "${dir()}", "GoMod": "${released}"}' ;;
  "mod edit") exec "${realGo}" "$@" ;;
  "mod tidy") ;;
  "build -v")
    for a in "$@"; do case "$a" in */) out="$a" ;; esac; done
    for a in "$@"; do case "$a" in example.com/*) touch "$out$(basename "$a")" ;; esac; done ;;
  *) echo "unexpected: $*" >&2; exit 3 ;;
esac
`,
  );
  await chmod(go, 0o755);
  return go;
}

describe("buildGoModule", () => {
  it("requires the module from a go.mod of its own that carries the module's replace and exclude lines; a second build does nothing", async () => {
    const go = await fakeGo(await findGo("test"));
    const request = {
      step: "prometheus",
      go,
      modulePath: "example.com/server",
      moduleVersion: "v0.305.1",
      version: "3.5.1",
      packages: ["example.com/server/cmd/server", "example.com/server/cmd/tool"],
      tags: ["netgo"],
      buildDir: path.join(dir(), "build/server-3.5.1"),
      outputDir: path.join(dir(), "server-3.5.1"),
    };
    const first = await buildGoModule(request);
    expect(first).toEqual({
      cached: false,
      binaries: {
        server: path.join(dir(), "server-3.5.1/server"),
        tool: path.join(dir(), "server-3.5.1/tool"),
      },
    });
    expect(await readFile(path.join(request.buildDir, "go.mod"), "utf8")).toBe(
      [
        "// Written by firedrill setup: builds example.com/server@v0.305.1 as released. Do not edit.",
        "module firedrill.local/build/server-3.5.1",
        "",
        "go 1.23.0",
        "",
        "require example.com/server v0.305.1",
        "",
        "replace github.com/fsnotify/fsnotify v1.8.0 => github.com/fsnotify/fsnotify v1.7.0",
        "exclude github.com/linode/linodego v1.0.0",
        "",
      ].join("\n"),
    );
    const second = await buildGoModule(request);
    expect(second.cached).toBe(true);
    const calls = (await readFile(path.join(dir(), "calls"), "utf8")).trim().split("\n");
    expect(calls.map((call) => call.split(" ").slice(0, 2).join(" "))).toEqual([
      "mod download",
      "mod edit",
      "mod tidy",
      "build -v",
    ]);
    expect(calls[3]).toContain(
      "-tags netgo -ldflags -X github.com/prometheus/common/version.Version=3.5.1 ",
    );
  });

  it("a failed step names itself, the command and Go's complaint", async () => {
    const go = path.join(dir(), "go");
    await writeFile(
      go,
      "#!/bin/sh\necho 'go: example.com/server@v0.999.0: invalid version: unknown revision' >&2\nexit 1\n",
    );
    await chmod(go, 0o755);
    await expect(
      buildGoModule({
        step: "prometheus",
        go,
        modulePath: "example.com/server",
        moduleVersion: "v0.999.0",
        version: "9.99.0",
        packages: ["example.com/server/cmd/server"],
        tags: [],
        buildDir: path.join(dir(), "build"),
        outputDir: path.join(dir(), "out"),
      }),
    ).rejects.toThrow(
      `Failed to run step prometheus: \`${go} mod download -json example.com/server@v0.999.0\` exited with code 1. Fix the cause in its output below and run \`npx firedrill setup\` again.\ngo: example.com/server@v0.999.0: invalid version: unknown revision`,
    );
  });
});
