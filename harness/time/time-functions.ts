/**
 * How each PromQL function that involves time behaves when the stack runs sped up, keyed by the
 * lezer-promql node name of its identifier. Functions not listed are invariant: they see the
 * same samples (the scrape interval is scaled too) and return the same value.
 */
export const timeFunctions: Readonly<
  Record<string, "per-second" | "seconds-argument" | "wall-clock">
> = {
  // Per second of wall time: sped up by N, so divided by N to read per fleet second.
  Rate: "per-second",
  Irate: "per-second",
  Deriv: "per-second",
  // predict_linear(v, t): slope (per wall second) times t; t fleet seconds are t/N wall seconds.
  PredictLinear: "seconds-argument",
  // Wall-clock readings: the fleet's time does not map to them without knowing when it began.
  Time: "wall-clock",
  Timestamp: "wall-clock",
  Minute: "wall-clock",
  Hour: "wall-clock",
  DayOfMonth: "wall-clock",
  DayOfWeek: "wall-clock",
  DayOfYear: "wall-clock",
  DaysInMonth: "wall-clock",
  Month: "wall-clock",
  Year: "wall-clock",
  TsOfFirstOverTime: "wall-clock",
  TsOfLastOverTime: "wall-clock",
  TsOfMaxOverTime: "wall-clock",
  TsOfMinOverTime: "wall-clock",
  StartTimestamp: "wall-clock",
  StartFn: "wall-clock",
  EndFn: "wall-clock",
  Range: "wall-clock",
  Step: "wall-clock",
};
