/** What every reporter is made with; file reporters learn their folder from onSuiteStart. */
export interface ReporterOptions {
  /** Several scenarios run at once: say on every line which one it is about. */
  readonly parallel?: boolean;
  /** Where lines for a person go (default: stderr). File reporters say here what they wrote. */
  readonly write?: (line: string) => void;
}
