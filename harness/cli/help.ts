/** `firedrill help`: every command and flag, and the exit codes. */
export const HELP = `firedrill: fire drills for an observability stack

Usage:
  firedrill run <files or folders...> [--driver processes|containers] [--speed N]
                [--scenario NAME] [--report-dir DIR] [--rules FILE|FOLDER|GLOB]...
                [--alertmanager-config FILE] [--prometheus-port N] [--alertmanager-port N]
                [--jobs N] [--repeat N]
                [--prometheus-version 3.16.0|3.5.x]
                [--reporter terminal|json|junit|html]... [--time live|virtual]
                [--seed S | --seeds N] [--shard K/N] [--list] [--config FILE]
                                --reporter picks what reports the run (default: all four)
                                --repeat N runs the suite N times (run-1 … run-N) and checks
                                every scenario gets the same verdict each time; --shard K/N
                                runs the K-th of N parts (CI jobs), --list prints what
                                would run and starts nothing; --time virtual judges it
                                on Prometheus' and Alertmanager's own code on a fake clock;
                                firedrill.config.ts (or --config) gives defaults, flags
                                override them
  firedrill merge <report folders...> [--report-dir DIR]
                                join the shards' reports into one results.json and junit.xml
  firedrill compare <results.json or report folders...>
                                compare the verdicts of earlier runs of the same suite
  firedrill latency <results.json or report folder>
                                each alert's detection latency against its budget (Markdown)
  firedrill fleet [--systems a,b] [--nodes N] [--shape system.field=N]... [--speed N]
                  [--otlp-endpoint URL] [--file-sd FILE]
                                start the fleet alone and print its scrape targets (file_sd JSON)
  firedrill rehearse [--systems a,b] [--speed N] [--rules FILE]... [--alertmanager-config FILE]
                     [--driver processes|containers] [--port N] [--save-dir DIR]
                                start the stack and the fleet and serve a page on 127.0.0.1 to
                                inject faults by hand, watch alerts and save it as a scenario
  firedrill faults [--system NAME] [--json]
                                list every fault of the simulated systems, with its params
  firedrill coverage [files or folders...] [--rules FILE|FOLDER|GLOB]... [--json]
                                which scenarios make each alert fire and check it stays silent;
                                exits 1 if an alert is left out or a scenario names an unknown one
  firedrill lint [--rules FILE|FOLDER|GLOB]... [dashboards...]
                                check every rule's and dashboard query's selectors against the
                                fleet's catalogues, ranges and \`for\`; exits 1 on any problem
  firedrill mutate [files or folders...] [--alert NAME]... [--mutant ID]... [--kind K]... [--jobs N]
                   [--speed N] [--time virtual|live] [--report-dir DIR] [--prometheus-version V]
                                break each alerting rule in turn (deleted; each threshold x10
                                either way; for x3, /3, removed; ranges x3; severity; a matcher;
                                a noise rule added) and each route (group_wait x8, receiver
                                swapped, repeat_interval cut, a matcher) and check a scenario
                                fails naming it, in virtual time by default; exits 1 if one
                                survives
  firedrill tune <alert> [files or folders...] [--threshold FROM:TO:STEP|A,B,C] [--for 0s,1m]
                 [--rules FILE|FOLDER|GLOB]... [--time virtual|live] [--jobs N]
                                try each value of the alert's threshold and/or for against its
                                fault and noise drills; print which catch every fault within
                                budget and never page (exit 1 if the rule as written does not)
  firedrill export promtool <scenario file> [--scenario NAME] [--out FILE] [--force]
                   [--at 5m,12m] [--rules FILE|FOLDER|GLOB]... [--speed N]
                                run the drill and write a promtool unit test of it (the
                                samples scraped, the alerts seen firing), checked with promtool
  firedrill init                write firedrill.config.ts and an example drill under drills/
  firedrill setup [--force] [--prometheus-version V]
                                build Prometheus, Alertmanager and the Collector into .tools/
                                in a checkout, else the per-user cache ~/.cache/firedrill
                                (--prometheus-version: a pinned line besides the default, 3.5.x)
  firedrill cleanup             remove processes and containers left by a crashed run

Exit codes: 0 all expectations held, 1 an expectation failed, 2 bad input or a stack that
would not start, 130 interrupted.`;

/**
 * Whether a command's arguments ask for the usage (`firedrill <command> --help` or `-h`, as
 * `firedrill --help` does); after `--` they are arguments.
 */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  const flags = end === -1 ? args : args.slice(0, end);
  return flags.includes("--help") || flags.includes("-h");
}
