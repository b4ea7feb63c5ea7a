import { execa } from "execa";

/**
 * The shared libraries and dynamic loader a binary links, as absolute paths, from `ldd`; empty
 * for a static binary (ldd says "not a dynamic executable").
 */
export async function sharedLibraries(binary: string): Promise<string[]> {
  const result = await execa("ldd", [binary], { reject: false });
  const output = `${result.stdout}\n${result.stderr}`;
  if (/not a dynamic executable|statically linked/.test(output)) return [];
  if (result.failed) {
    throw new Error(`ldd ${binary} failed (${result.exitCode ?? result.signal}): ${output.trim()}`);
  }
  const libraries = new Set<string>();
  for (const line of result.stdout.split("\n")) {
    // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (match?.[1]) libraries.add(match[1]);
  }
  return [...libraries];
}
