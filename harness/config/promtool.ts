import { execa } from "execa";
import { InputError } from "../errors.ts";

// Runs a checker; on a non-zero exit throws InputError with its own output.
async function runCheck(
  binary: string,
  args: readonly string[],
  file: string,
  remedy: string,
  shownAs?: { readonly file: string; readonly note: string },
): Promise<void> {
  const result = await execa(binary, args, { reject: false });
  if (result.exitCode === 0) return;
  // A checked copy is named by the user's file: its line numbers are the original's.
  const show = (text: string) => (shownAs ? text.split(file).join(shownAs.file) : text);
  // stdout then stderr, each whole: interleaving them would make the message vary run to run.
  const output =
    [result.stdout, result.stderr]
      .map((text) => show(String(text ?? "").trim()))
      .filter(Boolean)
      .join("\n") || result.message;
  const command = `\`${[binary, ...args].join(" ")}\`${shownAs ? ` (${shownAs.note})` : ""}`;
  throw new InputError(
    `Failed to check ${shownAs?.file ?? file}: ${command} exited with ${result.exitCode ?? result.signal}:\n${output}\n${remedy}.`,
    { file: shownAs?.file ?? file, cause: result },
  );
}

/** `--enable-feature=a,b` for promtool and Prometheus, or nothing. */
export function featureArgs(features: readonly string[]): string[] {
  return features.length > 0 ? [`--enable-feature=${features.join(",")}`] : [];
}

// `promtool check rules` and `promtool test rules` alike: the feature flags, then the file.
function promtoolRules(
  command: "check" | "test",
  file: string,
  promtoolPath: string,
  features: readonly string[],
  remedy: string,
  shownAs?: { readonly file: string; readonly note: string },
): Promise<void> {
  const args = [...featureArgs(features), command, "rules", file];
  return runCheck(promtoolPath, args, file, remedy, shownAs);
}

/**
 * Checks a Prometheus rule file with `promtool check rules`: syntax, names, templates.
 * `promtoolPath` is loadTools().promtool.path in the harness. `shownAs` names the user's file
 * when `file` is a copy extracted from it line for line (a PrometheusRule's spec.groups): the
 * message then names the original file, and promtool's line numbers hold there.
 * @example await checkRules("fixtures/cosmictron/rules.yml", tools.promtool.path);
 */
export async function checkRules(
  file: string,
  promtoolPath: string,
  shownAs?: { readonly file: string; readonly note: string },
  features: readonly string[] = [],
): Promise<void> {
  const remedy = "Fix the rule file where promtool points";
  await promtoolRules("check", file, promtoolPath, features, remedy, shownAs);
}

/**
 * Runs a promtool unit-test file (`promtool test rules`): Prometheus' own rule engine judges
 * whether the alerts fire at the expected times.
 * @example await testRules("fixtures/cosmictron/rules.test.yml", tools.promtool.path);
 */
export async function testRules(
  file: string,
  promtoolPath: string,
  features: readonly string[] = [],
): Promise<void> {
  const remedy = "Fix the rules or the test's expectations where promtool points";
  await promtoolRules("test", file, promtoolPath, features, remedy);
}

/**
 * Checks an Alertmanager config with `amtool check-config`.
 * `amtoolPath` is loadTools().amtool.path in the harness.
 * @example await checkAlertmanagerConfig("fixtures/alertmanager.yml", tools.amtool.path);
 */
export async function checkAlertmanagerConfig(file: string, amtoolPath: string): Promise<void> {
  await runCheck(
    amtoolPath,
    ["check-config", file],
    file,
    "Fix the Alertmanager config where amtool points",
  );
}
