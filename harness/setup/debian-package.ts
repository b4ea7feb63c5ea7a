import { access, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { runCommand } from "./run-command.ts";
import { SetupError } from "./setup-error.ts";

/** Where to put one Debian package and what to report. */
export interface DebianPackageRequest {
  /** The setup step it belongs to ("prometheus", "alertmanager"). */
  readonly step: string;
  readonly name: string;
  readonly version: string;
  /** The folder it is unpacked into (its usr/bin/... end up below it). */
  readonly targetDir: string;
  /** Where downloaded .deb files are kept. */
  readonly cacheDir: string;
  /** A file inside targetDir whose presence means the package is already unpacked. */
  readonly marker: string;
  readonly force?: boolean;
  readonly onNote?: (message: string) => void;
  readonly onStart?: (detail: string) => void;
}

/**
 * Fetches a Debian package at a pinned version with `apt-get download` (no system install) and
 * unpacks it with `dpkg-deb -x`. Returns whether it was already there.
 */
export async function provisionDebianPackage(
  request: DebianPackageRequest,
): Promise<{ cached: boolean }> {
  const { step, name, version, targetDir, cacheDir } = request;
  if (request.force) {
    await rm(targetDir, { recursive: true, force: true });
    const old = await cachedDeb(cacheDir, name, version);
    if (old) await rm(old, { force: true });
  } else if (await exists(path.join(targetDir, request.marker))) {
    return { cached: true };
  }
  await mkdir(cacheDir, { recursive: true });
  let deb = await cachedDeb(cacheDir, name, version);
  if (!deb) {
    request.onStart?.(`downloading Debian package ${name}=${version}`);
    await aptDownload(step, name, version, cacheDir, request.onNote);
    deb = await cachedDeb(cacheDir, name, version);
    if (!deb) {
      throw new SetupError(
        `Failed to fetch ${name}=${version}: apt-get download succeeded but left no ${name}_*.deb in ${cacheDir}. Run \`apt-get download ${name}=${version}\` there to see why.`,
        { step, command: `apt-get download ${name}=${version}` },
      );
    }
  } else {
    request.onStart?.(`unpacking cached ${path.basename(deb)}`);
  }
  // Unpack beside the target and rename, so a half-unpacked folder never looks finished.
  const partial = `${targetDir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await runCommand(step, "dpkg-deb", ["-x", deb, partial], {
    missingRemedy: "dpkg-deb comes with Debian's dpkg package: run setup on a Debian-based machine",
  });
  await rm(targetDir, { recursive: true, force: true });
  await rename(partial, targetDir);
  return { cached: false };
}

/** `apt-get download`, running `apt-get update` once when the lists lack the package. */
async function aptDownload(
  step: string,
  name: string,
  version: string,
  cacheDir: string,
  onNote?: (message: string) => void,
): Promise<void> {
  const spec = `${name}=${version}`;
  const missingRemedy =
    "firedrill takes Prometheus and Alertmanager from Debian's packages: run setup on a Debian-based machine (bookworm) where apt-get works";
  try {
    await runCommand(step, "apt-get", ["download", spec], { cwd: cacheDir, missingRemedy });
    return;
  } catch (error) {
    if (!(error instanceof SetupError) || !lacksLists(error.stderrTail)) throw error;
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `Failed to fetch ${spec}: apt's package lists do not have it and only root can update them. Run \`sudo apt-get update\` (or \`sudo scripts/install-system.sh\`) and then \`npx firedrill setup\` again.`,
      { step, command: `apt-get download ${spec}` },
    );
  }
  onNote?.(`apt lists lack ${spec}: running apt-get update`);
  await runCommand(step, "apt-get", ["update", "-qq"], { missingRemedy });
  await runCommand(step, "apt-get", ["download", spec], { cwd: cacheDir, missingRemedy });
}

/** Whether apt-get's complaint means its lists are missing or stale. */
function lacksLists(stderr: string): boolean {
  return /Unable to locate package|Version '.*' for '.*' was not found|has no installation candidate|Can't select candidate/.test(
    stderr,
  );
}

/** The cached .deb of that package and version, if downloaded before. */
async function cachedDeb(
  cacheDir: string,
  name: string,
  version: string,
): Promise<string | undefined> {
  const files = await readdir(cacheDir).catch(() => [] as string[]);
  // apt escapes ':' in versions as %3a; '+' stays as is.
  const prefix = `${name}_${version.replace(":", "%3a")}_`;
  const file = files.find((f) => f.startsWith(prefix) && f.endsWith(".deb"));
  return file ? path.join(cacheDir, file) : undefined;
}

/** Whether a path exists. */
async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
