// The fault forms of the rehearsal page: one per fault of the catalogue, its params typed and
// bounded as the sim's control API checks them (sim/core/fault-params.ts), so a bad value is
// refused here with the same words before it is sent; the server checks again.

/** What a param accepts, in the sim's words. */
function expectedOf(spec) {
  if (spec.type === "string" && spec.values) {
    return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (spec.type === "number") {
    if (spec.min !== undefined && spec.max !== undefined) {
      return `a number from ${spec.min} to ${spec.max}`;
    }
    if (spec.min !== undefined) return `a number >= ${spec.min}`;
    if (spec.max !== undefined) return `a number <= ${spec.max}`;
    return "a number";
  }
  return `a ${spec.type}`;
}

/** Reads one param's input; returns [value] or [undefined, message]. */
function readParam(fault, spec, input) {
  let value;
  if (spec.type === "boolean") value = input.checked;
  else if (spec.type === "number")
    value = input.value.trim() === "" ? Number.NaN : Number(input.value);
  else value = input.value;
  const ok =
    spec.type === "number"
      ? Number.isFinite(value) &&
        (spec.min === undefined || value >= spec.min) &&
        (spec.max === undefined || value <= spec.max)
      : spec.type === "string"
        ? !spec.values || spec.values.includes(value)
        : typeof value === "boolean";
  if (ok) return [value];
  return [
    undefined,
    `Failed to inject fault "${fault.name}": param "${spec.name}" must be ${expectedOf(spec)}, got ${JSON.stringify(Number.isNaN(value) ? input.value : value)}. Fix the params and retry.`,
  ];
}

/** The nodes a fault may target: its system's, of its roles; every node for net.* faults. */
function targetsOf(fault, nodes) {
  if (fault.system === "harness") return fault.name.startsWith("net.") ? nodes : [];
  return nodes.filter(
    (n) => n.system === fault.system && (!fault.roles || fault.roles.includes(n.role)),
  );
}

/** Builds one element with attributes and children. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children) node.append(child);
  return node;
}

/** The form of one fault; `onInject(spec)` sends it and resolves to an error message or null. */
function faultForm(fault, nodes, onInject) {
  const form = el("form", { class: "fault", "data-fault": fault.name, novalidate: true });
  form.append(el("h3", { text: fault.name }), el("p", { class: "desc", text: fault.description }));
  const targets = targetsOf(fault, nodes);
  let target;
  if (targets.length > 0) {
    target = el("select", { name: "target", "aria-label": `${fault.name} target` });
    if (!fault.name.startsWith("net."))
      target.append(el("option", { value: "", text: "every node" }));
    for (const n of targets) target.append(el("option", { value: n.id, text: n.id }));
    form.append(el("label", {}, "target ", target));
  }
  const inputs = [];
  for (const spec of fault.params) {
    let input;
    if (spec.type === "boolean") {
      input = el("input", { type: "checkbox", name: spec.name, checked: spec.default === true });
    } else if (spec.values) {
      input = el("select", { name: spec.name });
      for (const v of spec.values)
        input.append(el("option", { value: v, text: v, selected: v === spec.default }));
    } else {
      input = el("input", {
        name: spec.name,
        type: spec.type === "number" ? "number" : "text",
        step: spec.type === "number" ? "any" : undefined,
        min: spec.min,
        max: spec.max,
        value: spec.default,
        "aria-label": `${fault.name} ${spec.name}`,
      });
    }
    inputs.push([spec, input]);
    form.append(el("label", { title: spec.description }, `${spec.name} `, input));
  }
  const error = el("p", { class: "error", role: "alert" });
  const button = el("button", { type: "submit", text: "Inject" });
  form.append(button, error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const params = {};
    for (const [spec, input] of inputs) {
      const [value, message] = readParam(fault, spec, input);
      if (message) {
        error.textContent = message;
        return;
      }
      params[spec.name] = value;
    }
    button.disabled = true;
    const spec = { name: fault.name, params };
    if (target?.value) spec.target = target.value;
    error.textContent = (await onInject(spec)) ?? "";
    button.disabled = false;
  });
  return form;
}

/** Renders every fault's form into `container`, sim faults first, grouped by system. */
// biome-ignore lint/correctness/noUnusedVariables: app.js calls it; the page inlines both into one script
function renderFaultForms(container, catalogue, onInject) {
  container.replaceChildren();
  const systems = [...new Set(catalogue.faults.map((f) => f.system))];
  for (const system of systems) {
    const group = el("details", { open: system !== "harness", "data-system": system });
    group.append(
      el("summary", {
        text:
          system === "harness"
            ? "harness faults (watchers, network, processes)"
            : `${system} faults`,
      }),
    );
    for (const fault of catalogue.faults.filter((f) => f.system === system)) {
      group.append(faultForm(fault, catalogue.nodes, onInject));
    }
    container.append(group);
  }
}
