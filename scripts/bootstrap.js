// Installs firedrill's npm dependencies when they are missing (plain Node: runs before they exist).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs a command with inherited output; exits with its code when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    process.stderr.write(`firedrill: failed to run ${command}: ${result.error.message}\n`);
    process.exit(2);
  }
  if (result.status !== 0) {
    process.stderr.write(
      `firedrill: \`${command} ${args.join(" ")}\` exited with ${result.status}\n`,
    );
    process.exit(result.status ?? 2);
  }
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    process.stderr.write(
      `firedrill: Node ${process.versions.node} is too old; firedrill needs Node 20.19 or newer.\n`,
    );
    process.exit(2);
  }
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  process.stderr.write(`firedrill ${version}: installing npm dependencies (npm ci)…\n`);
  run("npm", ["ci", "--no-fund", "--no-audit", "--loglevel=error"]);
}
