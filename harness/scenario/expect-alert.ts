import type {
  Duration,
  ExpectationSource,
  FiresExpectation,
  FiringWithinExpectation,
  LabelMatch,
  NeverFiresExpectation,
  NoOtherAlertsExpectation,
  SpansArriveExpectation,
} from "./types.ts";

/**
 * Starts an expectation about one alert.
 * @example expectAlert("CosmictronWalFsyncLatency").withLabels({ node: "cosmictron-1" })
 *   .firesWithin("8m", { after: "stall" }).deliveredTo("tickets").resolvesWithin("8m")
 */
export function expectAlert(alert: string): AlertExpectation {
  return new AlertExpectation(alert, {});
}

/**
 * Spans reach the trace sink through the Collector again within `within` after a fault step.
 * @example expectSpans().arriveWithin("2m", { after: "collector-restart" })
 */
export function expectSpans(): {
  arriveWithin(within: Duration, options: { after: string }): ExpectationSource;
} {
  return {
    arriveWithin: (within, options) => {
      const expectation: SpansArriveExpectation = {
        kind: "spans-arrive",
        after: options.after,
        within,
      };
      return { toExpectation: () => expectation };
    },
  };
}

/** Fails the scenario if any alert fires that no `firesWithin` expectation names. */
export function expectNoOtherAlerts(): ExpectationSource {
  const expectation: NoOtherAlertsExpectation = { kind: "no-other-alerts" };
  return { toExpectation: () => expectation };
}

/** An alert and the labels it must carry; say whether it fires or never fires. */
export class AlertExpectation {
  readonly #alert: string;
  readonly #labels: LabelMatch;

  constructor(alert: string, labels: LabelMatch) {
    this.#alert = alert;
    this.#labels = labels;
  }

  /** Only alert instances with these exact label values count. */
  withLabels(labels: LabelMatch): AlertExpectation {
    return new AlertExpectation(this.#alert, { ...this.#labels, ...labels });
  }

  /** The alert reaches `firing` within `within` (fleet time) after the fault step `after`. */
  firesWithin(within: Duration, options: { after: string }): FiringAlertExpectation {
    return new FiringAlertExpectation({
      kind: "fires",
      alert: this.#alert,
      labels: this.#labels,
      after: options.after,
      within,
    });
  }

  /**
   * The alert is seen firing at some moment within `within` after the fault step `after`: its
   * state survived (e.g. a Prometheus restart) or it fired again.
   */
  firingWithin(within: Duration, options: { after: string }): ExpectationSource {
    const expectation: FiringWithinExpectation = {
      kind: "firing-within",
      alert: this.#alert,
      labels: this.#labels,
      after: options.after,
      within,
    };
    return { toExpectation: () => expectation };
  }

  /** The alert never reaches `firing` during the scenario (pending is not a page). */
  neverFires(): ExpectationSource {
    const expectation: NeverFiresExpectation = {
      kind: "never-fires",
      alert: this.#alert,
      labels: this.#labels,
    };
    return { toExpectation: () => expectation };
  }
}

/** A firing expectation; optionally also delivered to a receiver and resolved after the heal. */
export class FiringAlertExpectation implements ExpectationSource {
  readonly #expectation: FiresExpectation;

  constructor(expectation: FiresExpectation) {
    this.#expectation = expectation;
  }

  /** Alertmanager delivers the firing (and, if resolves is expected, the resolved) notification to this receiver. */
  deliveredTo(receiver: string): FiringAlertExpectation {
    return new FiringAlertExpectation({ ...this.#expectation, receiver });
  }

  /** The alert stops firing within `within` after the fault step is healed. */
  resolvesWithin(within: Duration): FiringAlertExpectation {
    return new FiringAlertExpectation({ ...this.#expectation, resolvesWithin: within });
  }

  /**
   * The alert may resolve and fire again during the scenario (a fault that comes and goes).
   * Without it, firing again after resolving — flapping — fails the expectation.
   */
  mayFireAgain(): FiringAlertExpectation {
    return new FiringAlertExpectation({ ...this.#expectation, mayFireAgain: true });
  }

  toExpectation(): FiresExpectation {
    return this.#expectation;
  }
}
