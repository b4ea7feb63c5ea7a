/**
 * Sets what testcontainers needs on these machines unless the user set it: no Ryuk (its image
 * cannot be pulled; firedrill labels and reaps its own containers) and the host on loopback
 * (the engine runs without a bridge, containers share the host's network).
 */
export function prepareTestcontainersEnv(): void {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "127.0.0.1";
}
