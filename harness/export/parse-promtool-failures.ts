import { parseDuration } from "../time/index.ts";

/** One instance promtool's rule evaluation had firing: labels (alertname included), annotations. */
export interface GotAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** One failed alert_rule_test entry as `promtool test rules` prints it. */
export interface PromtoolFailure {
  readonly alertname: string;
  readonly evalMs: number;
  readonly got: readonly GotAlert[];
}

const ESCAPES: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
};

// Reads `{name="value", …}` as Go's labels.Labels.String writes it (values strconv.Quote'd).
function parseLabelSet(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = text.indexOf("{") + 1;
  while (i < text.length && text[i] !== "}") {
    const eq = text.indexOf('="', i);
    const name = text.slice(i, eq).trim();
    let value = "";
    let j = eq + 2;
    while (text[j] !== '"') {
      if (text[j] !== "\\") {
        value += text[j++];
        continue;
      }
      const kind = text[j + 1]!;
      const width = kind === "x" ? 2 : kind === "u" ? 4 : kind === "U" ? 8 : 0;
      if (width > 0) {
        value += String.fromCodePoint(Number.parseInt(text.slice(j + 2, j + 2 + width), 16));
        j += 2 + width;
      } else {
        value += ESCAPES[kind] ?? kind;
        j += 2;
      }
    }
    out[name] = value;
    i = j + 1;
    while (text[i] === "," || text[i] === " ") i++;
  }
  return out;
}

/**
 * Reads the alert_rule_test failures out of `promtool test rules` output (without `--diff`):
 * for each, the alert, the eval time, and the instances promtool saw firing, annotations
 * rendered by Prometheus' own templates. Other failures (expr tests, load errors) are not
 * returned: the caller shows promtool's output for those.
 */
export function parsePromtoolFailures(output: string): PromtoolFailure[] {
  const failures: PromtoolFailure[] = [];
  const head = /alertname: (\S+), time: (\S+), \n\s*exp:/g;
  const starts = [...output.matchAll(head)];
  starts.forEach((match, k) => {
    const block = output.slice(match.index, starts[k + 1]?.index ?? output.length);
    const gotText = block.slice(block.indexOf("got:") + 4);
    const got: GotAlert[] = [];
    const entry = /Labels:(\{.*\})\n\s*Annotations:(\{.*\})/g;
    for (const [, labels, annotations] of gotText.matchAll(entry)) {
      got.push({ labels: parseLabelSet(labels!), annotations: parseLabelSet(annotations!) });
    }
    failures.push({ alertname: match[1]!, evalMs: parseDuration(match[2]!), got });
  });
  return failures;
}
