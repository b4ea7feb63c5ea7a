import { open } from "node:fs/promises";

/** How much of a log's end is read to find its last lines. */
const tailBytes = 64 * 1024;

/** The last `lines` lines of a log file; "" when it does not exist yet. */
export async function readLogTail(file: string, lines = 20): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const all = buffer.toString("utf8").split("\n");
    if (all.at(-1) === "") all.pop();
    // A partial first line (cut by the byte window) is dropped unless it is all there is.
    if (size > length && all.length > 1) all.shift();
    return all.slice(-lines).join("\n");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  } finally {
    await handle?.close();
  }
}
