import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BuildStep, withHeartbeat } from "./build-step.ts";
import { moduleDirectives } from "./module-directives.ts";
import { runCommand } from "./run-command.ts";

/** What buildGoModule needs. */
export interface GoModuleBuildRequest extends BuildStep {
  /** The module to require, e.g. github.com/prometheus/prometheus. */
  readonly modulePath: string;
  /** Its Go module version, e.g. v0.316.0. */
  readonly moduleVersion: string;
  /** The release's own version, stamped into `--version`, e.g. 3.16.0. */
  readonly version: string;
  /** The main packages to build; each binary is named by its last path element. */
  readonly packages: readonly string[];
  readonly tags: readonly string[];
  /** Where firedrill's own go.mod for this build lives: .tools/build/<name>. */
  readonly buildDir: string;
  /**
   * Builds from a writable copy of the module's source instead of the module cache (through a
   * `replace`): given the cached source folder and a target, returns the folder to build from.
   */
  readonly localSource?: (moduleDir: string, target: string) => Promise<string>;
}

/**
 * Builds a Go module's commands from a small go.mod of firedrill's own that requires the module at
 * the pinned version and carries its replace/exclude lines; static binaries (CGO_ENABLED=0).
 * Nothing is done when every binary is already in outputDir. Throws SetupError naming the step.
 */
export async function buildGoModule(
  request: GoModuleBuildRequest,
): Promise<{ binaries: Record<string, string>; cached: boolean }> {
  const { step, go, outputDir, buildDir } = request;
  const names = request.packages.map((pkg) => path.posix.basename(pkg));
  const binaries = Object.fromEntries(names.map((name) => [name, path.join(outputDir, name)]));
  if (request.force) await rm(outputDir, { recursive: true, force: true });
  else if (await allExist(Object.values(binaries))) return { binaries, cached: true };

  const env = { CGO_ENABLED: "0", GOWORK: "off", GOFLAGS: "-buildvcs=false" };
  const spec = `${request.modulePath}@${request.moduleVersion}`;
  request.onStart?.(`downloading ${spec} (Go module proxy)`);
  const module = await moduleDirectives(step, go, request.modulePath, request.moduleVersion, env);
  await mkdir(buildDir, { recursive: true });
  const replaceLocal = request.localSource
    ? `replace ${request.modulePath} => ./${path.relative(
        buildDir,
        await request.localSource(module.dir, path.join(buildDir, "src")),
      )}`
    : undefined;
  const goMod = [
    `// Written by firedrill setup: builds ${spec} as released. Do not edit.`,
    `module firedrill.local/build/${path.basename(buildDir)}`,
    "",
    `go ${module.go}`,
    "",
    `require ${request.modulePath} ${request.moduleVersion}`,
    "",
    ...module.lines,
    ...(replaceLocal ? [replaceLocal] : []),
    "",
  ].join("\n");
  const tools = [
    "//go:build tools",
    "",
    "// Package tools names the commands firedrill builds, so go mod tidy keeps their dependencies.",
    "package tools",
    "",
    "import (",
    ...request.packages.map((pkg) => `\t_ "${pkg}"`),
    ")",
    "",
  ].join("\n");
  // go mod tidy rewrites go.mod, so what firedrill wrote is kept beside it to see if it changed.
  const written = path.join(buildDir, "go.mod.firedrill");
  const unchanged =
    (await readFile(written, "utf8").catch(() => "")) === goMod &&
    (await allExist([path.join(buildDir, "go.mod"), path.join(buildDir, "go.sum")]));
  if (!unchanged) {
    await writeFile(path.join(buildDir, "go.mod"), goMod);
    await writeFile(path.join(buildDir, "tools.go"), tools);
    await rm(path.join(buildDir, "go.sum"), { force: true });
    request.onStart?.("resolving dependencies (go mod tidy)");
    await runCommand(step, go, ["mod", "tidy"], { cwd: buildDir, env });
    await writeFile(written, goMod);
  }

  // Build beside the target and rename, so an interrupted build never looks finished.
  const partial = `${outputDir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const stamp = "github.com/prometheus/common/version";
  const ldflags = [
    `-X ${stamp}.Version=${request.version}`,
    `-X ${stamp}.Revision=${request.moduleVersion}`,
    `-X ${stamp}.Branch=module`,
    `-X ${stamp}.BuildUser=firedrill`,
  ].join(" ");
  request.onStart?.(
    `go build ${names.join(", ")}${request.tags.length ? ` (tags ${request.tags.join(",")})` : ""}; the first build takes minutes on two cores`,
  );
  // `go build -v` names each package as it compiles it: the heartbeat's phase.
  await withHeartbeat(request, (phase) =>
    runCommand(
      step,
      go,
      [
        "build",
        "-v",
        ...(request.tags.length ? ["-tags", request.tags.join(",")] : []),
        "-ldflags",
        ldflags,
        "-o",
        `${partial}${path.sep}`,
        ...request.packages,
      ],
      { cwd: buildDir, env, onLine: (line) => phase(line.trim()) },
    ),
  );
  await rm(outputDir, { recursive: true, force: true });
  await rename(partial, outputDir);
  return { binaries, cached: false };
}

/** Whether every path exists. */
async function allExist(files: readonly string[]): Promise<boolean> {
  const found = await Promise.all(
    files.map((file) =>
      access(file).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}
