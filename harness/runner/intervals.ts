/** The fleet scrape interval the configs use, before speed-up. */
export const SCRAPE_INTERVAL = "15s";
/** The rule evaluation interval the configs use, before speed-up. */
export const EVALUATION_INTERVAL = "15s";
