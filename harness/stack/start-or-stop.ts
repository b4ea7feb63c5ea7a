/**
 * Runs a component's start (launch, then wait until ready); when any of it fails, stops the
 * component so that nothing half-started remains, and throws the failure.
 */
export async function startOrStop(
  component: { stop(): Promise<void> },
  start: () => Promise<void>,
): Promise<void> {
  try {
    await start();
  } catch (error) {
    await component.stop();
    throw error;
  }
}
