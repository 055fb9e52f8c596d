import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeWorkload } from "@/lib/facts/workload/summarize-workload";

// As a live cluster answers it: nothing redacted yet. Values assembled at run time, so this file is no leak.
const PASSWORD = "hunter2-" + "catalogue";
const TOKEN_URL_PASSWORD = "s3cr3t" + "-orders";

test("credentials in a container's command line are kept only as a redacted preview, references not at all", () => {
  const workload = summarizeWorkload({
    kind: "Deployment",
    item: {
      metadata: { name: "catalogue", namespace: "shop" },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "catalogue",
                image: "ghcr.io/acme/catalogue:1.0.0",
                command: ["/app"],
                args: [
                  "-port=8080",
                  `-DSN=catalogue_user:${PASSWORD}@tcp(catalogue-db:3306)/socksdb`,
                  `--orders-db=postgres://orders:${TOKEN_URL_PASSWORD}@orders-db.shop.svc:5432/orders`,
                  "-DSN=reader:$(DB_PASSWORD)@tcp(replica:3306)/socksdb",
                  "--notify=mailto:ops@acme.example",
                ],
              },
            ],
          },
        },
      },
    },
  });
  const [container] = workload.containers;
  assert.deepEqual(container?.credentialArgs, [
    "-DSN=catalogue_user:****@tcp(catalogue-db:3306)",
    "--orders-db=orders:****@orders-db.shop.svc",
  ]);
  const json = JSON.stringify(workload);
  assert.ok(!json.includes(PASSWORD) && !json.includes(TOKEN_URL_PASSWORD), "no password in the facts");
});
