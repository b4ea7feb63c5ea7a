/** Times in results are fleet seconds since the scenario's t=0 (fleet and stack ready). */
export type FleetSeconds = number;
