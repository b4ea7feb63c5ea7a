/** One scraped endpoint and the labels federation adds to its series. */
export interface FederationSource {
  readonly text: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A metric family being merged: its HELP and TYPE lines and its samples. */
interface Family {
  help?: string;
  type?: string;
  samples: string[];
}

/** Escapes a label value for the text format. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/** Adds labels to one sample line (`name{a="b"} 1` or `name 1`). */
function relabel(line: string, name: string, extra: string): string {
  if (extra === "") return line;
  const rest = line.slice(name.length);
  if (rest.startsWith("{}")) return `${name}{${extra}}${rest.slice(2)}`;
  if (rest.startsWith("{")) return `${name}{${extra},${rest.slice(1)}`;
  return `${name}{${extra}}${rest}`;
}

/**
 * Merges Prometheus text expositions into one, as cgn-metrics exposes the union of the per-host
 * endpoints: each family once (HELP, TYPE, then every source's samples), each sample with its
 * source's labels added.
 *
 * @example
 * federateExposition([{ text: routerText, labels: { node: "cgn-router-0", service: "cgn-router" } }]);
 */
export function federateExposition(sources: readonly FederationSource[]): string {
  const families = new Map<string, Family>();
  const family = (name: string): Family => {
    let found = families.get(name);
    if (!found) {
      found = { samples: [] };
      families.set(name, found);
    }
    return found;
  };
  for (const source of sources) {
    const extra = Object.entries(source.labels)
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
      .join(",");
    let current: string | undefined;
    for (const line of source.text.split("\n")) {
      if (line.trim() === "") continue;
      const meta = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
      if (meta) {
        const [, kind, name] = meta as unknown as [string, string, string];
        current = name;
        const f = family(name);
        if (kind === "HELP") f.help ??= line;
        else f.type ??= line;
        continue;
      }
      if (line.startsWith("#")) continue;
      const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
      if (!name) continue;
      const owner = current !== undefined && name.startsWith(current) ? current : name;
      family(owner).samples.push(relabel(line, name, extra));
    }
  }
  const out: string[] = [];
  for (const f of families.values()) {
    if (f.help) out.push(f.help);
    if (f.type) out.push(f.type);
    out.push(...f.samples);
  }
  return `${out.join("\n")}\n`;
}
