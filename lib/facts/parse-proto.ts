/** A gRPC service a `.proto` file declares, with where its package and its declaration are. */
export interface ProtoService {
  path: string;
  /** The `service` line (1-based). */
  line: number;
  name: string;
  /** The file's `package`, null without one. */
  package: string | null;
  packageLine: number | null;
  /** How many `rpc` methods it declares. */
  methods: number;
}

/**
 * The services a protobuf file declares (`service CartService { rpc AddItem(...) returns (...); }`) and its
 * package, read from the text with comments blanked so a commented-out service is not one. Pure; never throws.
 */
export function parseProto(opts: { path: string; text: string }): ProtoService[] {
  const lines = blankComments(opts.text).split(/\r?\n/);
  let pkg: string | null = null;
  let packageLine: number | null = null;
  const services: Omit<ProtoService, "package" | "packageLine">[] = [];
  let open: Omit<ProtoService, "package" | "packageLine"> | null = null;
  let depth = 0;
  lines.forEach((text, index) => {
    const declared = text.match(/^\s*package\s+([\w.]+)\s*;/);
    if (declared && pkg === null) {
      pkg = declared[1]!;
      packageLine = index + 1;
    }
    const service = text.match(/^\s*service\s+(\w+)\s*\{?/);
    if (service && open === null) {
      open = { path: opts.path, line: index + 1, name: service[1]!, methods: 0 };
      services.push(open);
      depth = 0;
    }
    if (open !== null) {
      open.methods += (text.match(/\brpc\s+\w+\s*\(/g) ?? []).length;
      depth += (text.match(/\{/g) ?? []).length - (text.match(/\}/g) ?? []).length;
      if (depth <= 0 && text.includes("}")) open = null;
    }
  });
  return services.map((s) => ({ ...s, package: pkg, packageLine }));
}

/** `//` and `/* … *\/` comments replaced by blanks, line breaks kept, string literals left alone. */
function blankComments(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : m.replace(/[^\n]/g, " ")));
}

/** A protobuf package whose last segment is a major version (`acme.cart.v1`, `shop.v2beta1`). */
export function isVersionedPackage(pkg: string | null): boolean {
  return pkg !== null && /(^|\.)v\d+((alpha|beta)\d*)?$/.test(pkg);
}
