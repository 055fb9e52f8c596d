import { globToRegex } from "@/lib/ownership/glob-to-regex";
import type { OwnerInputs, OwnershipRuleKind } from "@/lib/ownership/types";

/**
 * Whether a rule matches a service: a CODEOWNERS rule any group owning its folder, a repository rule its
 * repository, a path rule its folder in the source, a namespace rule the namespace of any workload joined to
 * it, a label rule (`key=value`, the value a glob) any such workload's label.
 */
export function matchOwnershipRule(opts: { rule: { kind: OwnershipRuleKind; pattern: string }; inputs: OwnerInputs }): boolean {
  const { rule, inputs } = opts;
  switch (rule.kind) {
    case "codeowners": {
      const re = globToRegex({ glob: rule.pattern });
      return (inputs.facts.codeowners?.owners ?? []).some((o) => re.test(o));
    }
    case "repository":
      return inputs.repository !== null && globToRegex({ glob: rule.pattern }).test(inputs.repository);
    case "path":
      return globToRegex({ glob: rule.pattern.replace(/^\.?\//, "") }).test(inputs.path);
    case "namespace": {
      const re = globToRegex({ glob: rule.pattern });
      return inputs.workloads.some((w) => re.test(w.namespace));
    }
    case "label": {
      const at = rule.pattern.indexOf("=");
      const key = rule.pattern.slice(0, at);
      const value = globToRegex({ glob: rule.pattern.slice(at + 1) });
      return inputs.workloads.some((w) =>
        w.labels.some((l) => l.slice(0, l.indexOf("=")) === key && value.test(l.slice(l.indexOf("=") + 1))),
      );
    }
  }
}
