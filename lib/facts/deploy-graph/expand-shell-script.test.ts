import assert from "node:assert/strict";
import { test } from "node:test";
import { expandShellScript } from "@/lib/facts/deploy-graph/expand-shell-script";
import { parseKubectlCommands } from "@/lib/facts/deploy-graph/parse-kubectl-commands";

const run = (text: string, args?: string[]) =>
  expandShellScript({ text, ...(args ? { args } : {}) }).map((c) => `${c.line}: ${c.words.join(" ")}`);

test("expandShellScript binds arguments and assignments, unrolls loops, joins continuations and skips comments", () => {
  const cases: { name: string; text: string; args?: string[]; want: string[] }[] = [
    {
      name: "positional parameters through readonly assignments",
      text: '#!/bin/bash\nreadonly service="$1"\nreadonly project="$2"\n\ndocker build -t "gcr.io/$project/$service" ./internal --build-arg "SERVICE=${service}"\n',
      args: ["orders", "$PROJECT_ID"],
      want: ["5: docker build -t gcr.io/$PROJECT_ID/orders ./internal --build-arg SERVICE=orders"],
    },
    {
      name: "a for loop over a variable's words, with do on its own line",
      text: 'APPS="orders payments"\nfor APP in $APPS\ndo\n  echo "$APP"\ndone\necho end\n',
      want: ["4: echo orders", "4: echo payments", "6: echo end"],
    },
    {
      name: "a one-line loop and a default value",
      text: "for x in a b; do echo ${NS:-shop}/$x; done\n",
      want: ["1: echo shop/a", "1: echo shop/b"],
    },
    {
      name: "continuation lines, && chains and comments",
      text: "# build it\ndocker build \\\n  -t acme/api \\\n  . && docker push acme/api\n",
      want: ["2: docker build -t acme/api .", "2: docker push acme/api"],
    },
    {
      name: "single quotes keep a dollar literal; unknown variables stay unresolved",
      text: "echo '$HOME' $UNKNOWN\n",
      want: ["1: echo $HOME $UNKNOWN"],
    },
  ];
  for (const c of cases) assert.deepEqual(run(c.text, c.args), c.want, c.name);
});

test("kubectl autoscale in a script becomes one HorizontalPodAutoscaler per target, marked imperative", () => {
  const text =
    '#!/bin/sh\nNS="shop"\nfor D in cart users\ndo\n  kubectl -n $NS autoscale deployment $D --max 4 --min 2 --cpu-percent 50\ndone\nkubectl autoscale sts/ledger --max=3\nkubectl autoscale deployment $UNKNOWN --min 2\nkubectl -n $NS get hpa\n';
  const hpas = parseKubectlCommands({ path: "k8s/autoscale.sh", commands: expandShellScript({ text }) });
  assert.deepEqual(
    hpas.map((h) => [
      h.name,
      h.namespace,
      h.lineStart,
      JSON.stringify((h.object.spec as Record<string, unknown>).scaleTargetRef),
      (h.object.spec as { minReplicas: number }).minReplicas,
    ]),
    [
      ["cart", "shop", 5, JSON.stringify({ apiVersion: "apps/v1", kind: "Deployment", name: "cart" }), 2],
      ["users", "shop", 5, JSON.stringify({ apiVersion: "apps/v1", kind: "Deployment", name: "users" }), 2],
      ["ledger", null, 7, JSON.stringify({ apiVersion: "apps/v1", kind: "StatefulSet", name: "ledger" }), 1],
    ],
  );
  assert.ok(hpas.every((h) => JSON.stringify(h.object).includes("dozen.dev/imperative")));
});
