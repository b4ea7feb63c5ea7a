/** What a wait strategy watches: a starting component, its log, and whether it still runs. */
export interface WaitTarget {
  /** The component's name, for messages ("prometheus"). */
  readonly component: string;
  /** Where its output goes; the strategy reads its tail for errors and matches lines in it. */
  readonly logFile: string;
  /** Why the component stopped ("exited with code 1"), or undefined while it runs. */
  exitReason(): string | undefined;
}
