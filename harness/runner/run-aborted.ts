/** Thrown when the user interrupts a run; the CLI exits 130 after cleanup. */
export class RunAborted extends Error {
  override name = "RunAborted";
}
