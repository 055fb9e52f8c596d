import { DaemonSet, Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { CronJob, Job } from "kubernetes-models/batch/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Pod, Secret, Service } from "kubernetes-models/v1";

type Model = new (data: never) => { validate(): void };

const MODELS: Record<string, Model> = {
  "apps/v1/Deployment": Deployment as unknown as Model,
  "apps/v1/StatefulSet": StatefulSet as unknown as Model,
  "apps/v1/DaemonSet": DaemonSet as unknown as Model,
  "batch/v1/Job": Job as unknown as Model,
  "batch/v1/CronJob": CronJob as unknown as Model,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler as unknown as Model,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget as unknown as Model,
  "v1/Pod": Pod as unknown as Model,
  "v1/Service": Service as unknown as Model,
  "v1/ConfigMap": ConfigMap as unknown as Model,
  "v1/Secret": Secret as unknown as Model,
};

/**
 * Validates one object against the official Kubernetes OpenAPI schema (kubernetes-models). List items
 * carry no apiVersion/kind, so callers pass them: the object is validated as the API server would serve it.
 */
export function validateObject(opts: { apiVersion: string; kind: string; object: Record<string, unknown> }): void {
  const model = MODELS[`${opts.apiVersion}/${opts.kind}`];
  if (!model) throw new Error(`no kubernetes-models schema for ${opts.apiVersion} ${opts.kind}`);
  new model({ ...opts.object, apiVersion: opts.apiVersion, kind: opts.kind } as never).validate();
}
