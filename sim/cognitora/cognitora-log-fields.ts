/**
 * The fields every Cognitora JSON log line carries, as its document lists them: the sim's
 * service logs write them and the tests check them.
 */
export const COGNITORA_LOG_FIELDS: readonly string[] = [
  "timestamp",
  "level",
  "service",
  "version",
  "node_id",
  "request_id",
  "subject",
  "target",
  "message",
];
