/** The `rampSeconds` param of a fault that climbs to its level (storage fill, job backlog). */
export const rampSecondsParam = {
  type: "number",
  default: 60,
  min: 0,
  max: 86_400,
  description: "Fleet seconds the climb takes.",
} as const;
