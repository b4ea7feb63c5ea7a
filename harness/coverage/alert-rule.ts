/** An alerting rule of a rule file, as coverage sees it: its name, system and file. */
export interface AlertRule {
  readonly alert: string;
  /** The rule's `system` label, else the folder of its file (fixtures/<system>/rules.yml). */
  readonly system: string;
  readonly file: string;
}
