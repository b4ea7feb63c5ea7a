import { createHash } from "node:crypto";
import { copyFile, cp, mkdir, mkdtemp, realpath, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../../errors.ts";
import { sharedLibraries } from "./shared-libraries.ts";

/** Changing this rebuilds every local image (the Dockerfile's shape is part of the fingerprint). */
const recipeVersion = "1";

/** One image to build from a provisioned binary. */
export interface LocalImageRequest {
  /** "prometheus", "alertmanager", "otelcol": the image is firedrill/<name>:<version>. */
  readonly name: string;
  readonly binary: string;
  readonly version: string;
  /** Folders of data files the binary reads, copied to the same absolute path in the image. */
  readonly assets?: readonly { readonly source: string; readonly target: string }[];
  /** Called when the image has to be built (it is not there or its binary changed). */
  readonly onBuilding?: () => void;
}

/** A local image ready to run: its tag and where its entrypoint binary lives in it. */
export interface LocalImage {
  readonly tag: string;
  readonly entrypoint: string;
  readonly built: boolean;
}

/**
 * Makes sure firedrill/<name>:<version> exists locally, building it when missing: a FROM scratch
 * image holding the binary and the libraries ldd lists at their paths. Never pulls. An image
 * whose fingerprint label (binary and libraries: path, size, mtime) no longer matches is rebuilt.
 */
export async function ensureLocalImage(request: LocalImageRequest): Promise<LocalImage> {
  const { GenericContainer, ImageName, getContainerRuntimeClient } = await import("testcontainers");
  const tag = `firedrill/${request.name}:${request.version.replace(/[^A-Za-z0-9_.-]/g, "-")}`;
  const entrypoint = `/usr/local/bin/${path.basename(request.binary)}`;
  const libraries = await sharedLibraries(request.binary);
  const assets = request.assets ?? [];
  const fingerprint = await fingerprintOf([
    request.binary,
    ...libraries,
    ...assets.map((asset) => asset.source),
  ]);

  const client = await getContainerRuntimeClient();
  const existing = await client.image.inspect(ImageName.fromString(tag)).catch(() => undefined);
  if (existing?.Config?.Labels?.["firedrill.fingerprint"] === fingerprint) {
    return { tag, entrypoint, built: false };
  }

  request.onBuilding?.();
  const context = await mkdtemp(path.join(os.tmpdir(), `firedrill-image-${request.name}-`));
  try {
    const rootfs = path.join(context, "rootfs");
    await place(request.binary, path.join(rootfs, entrypoint));
    for (const library of libraries) await place(library, path.join(rootfs, library));
    for (const asset of assets) {
      await cp(asset.source, path.join(rootfs, asset.target), {
        recursive: true,
        dereference: true,
      });
    }
    await writeFile(
      path.join(context, "Dockerfile"),
      [
        "FROM scratch",
        "COPY rootfs/ /",
        `LABEL firedrill.fingerprint="${fingerprint}" firedrill.binary="${request.binary}"`,
        `ENTRYPOINT ["${entrypoint}"]`,
        "",
      ].join("\n"),
    );
    await GenericContainer.fromDockerfile(context).build(tag, { deleteOnExit: false });
  } catch (cause) {
    throw new StartupError(
      `Failed to build the local image ${tag} from ${request.binary}: ${(cause as Error).message}. Check that the Docker engine answers (\`docker info\`) and that \`npx firedrill setup\` provisioned the binary.`,
      { component: request.name, cause },
    );
  } finally {
    await rm(context, { recursive: true, force: true });
  }
  return { tag, entrypoint, built: true };
}

/** Copies a file (following symlinks, as the loader resolves them) to a path in the context. */
async function place(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(await realpath(source), target);
}

/** A cheap identity of the files and folders an image is made from: path, size and mtime of each. */
async function fingerprintOf(files: readonly string[]): Promise<string> {
  const hash = createHash("sha256").update(recipeVersion);
  for (const file of files) {
    const info = await stat(file);
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}
