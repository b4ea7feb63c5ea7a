/**
 * The receivers of the compose stack: firedrill's webhook sink (Alertmanager posts to
 * http://127.0.0.1:9095/receivers/<name>) and trace sink (the Collector exports to
 * http://127.0.0.1:9096/v1/traces), printing each notification as it arrives.
 */
import { OtlpSink } from "../harness/observe/otlp-sink.ts";
import { WebhookSink } from "../harness/observe/webhook-sink.ts";

const webhook = await WebhookSink.start(9095);
const traces = await OtlpSink.start({ port: 9096 });
process.stdout.write(
  `receivers: webhooks at ${webhook.origin}/receivers/<name>, traces at ${traces.url}/v1/traces\n`,
);
let printed = 0;
const timer = setInterval(() => {
  for (const d of webhook.deliveries.slice(printed)) {
    process.stdout.write(
      `${new Date(d.receivedAt).toISOString()} ${d.receiver}: ${d.status} ${JSON.stringify(d.labels)}\n`,
    );
  }
  printed = webhook.deliveries.length;
}, 1000);
const stop = async () => {
  clearInterval(timer);
  await Promise.all([webhook.close(), traces.close()]);
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
