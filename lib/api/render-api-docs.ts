type Schema = Record<string, unknown>;
type Doc = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
type Operation = {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const escape = (text: unknown) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
const code = (text: string) => escape(text).replace(/`([^`]+)`/g, "<code>$1</code>");
const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A schema's type in a word or two: `ServiceSummary`, `string[]`, `"a" | "b"`, `object`. */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return `<a href="#schema-${escape(refName(schema.$ref))}">${escape(refName(schema.$ref))}</a>`;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => escape(JSON.stringify(v))).join(" | ");
  if ("const" in schema) return escape(JSON.stringify(schema.const));
  for (const key of ["anyOf", "oneOf"] as const) if (Array.isArray(schema[key])) return (schema[key] as Schema[]).map(typeOf).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items as Schema)}[]`;
  if (Array.isArray(schema.type)) return schema.type.map(escape).join(" | ");
  return escape(schema.type ?? "any");
}

/** An object's fields as a table, nested objects inline; anything else as its type. */
function fields(schema: Schema | undefined): string {
  if (!schema) return "";
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) {
    const variants = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
    if (variants && variants.some((v) => v.properties)) return variants.map((v) => `<div class="variant">${fields(v)}</div>`).join("");
    return `<p>${typeOf(schema)}</p>`;
  }
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(([name, field]) => {
    const nested = field.properties ? fields(field) : "";
    const description = typeof field.description === "string" ? code(field.description) : "";
    return `<tr><td><code>${escape(name)}</code>${required.has(name) ? "" : " <small>optional</small>"}</td><td>${typeOf(field)}${nested}</td><td>${description}</td></tr>`;
  });
  return `<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function operation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? []).map(
    (p) =>
      `<tr><td><code>${escape(p.name)}</code>${p.required ? "" : " <small>optional</small>"}</td><td>${escape(p.in)}</td><td>${typeOf(p.schema)}</td><td>${code(p.description ?? (p.schema?.description as string | undefined) ?? "")}</td></tr>`,
  );
  const body = op.requestBody?.content["application/json"]?.schema;
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const schema = r.content?.["application/json"]?.schema;
    return `<li><strong>${escape(status)}</strong> ${code(r.description)}${schema ? ` — ${typeOf(schema)}` : ""}</li>`;
  });
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
  return `<section id="${id}"><h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${code(op.summary ?? "")}</p>
${params.length ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${params.join("")}</tbody></table>` : ""}
${body ? `<h4>Request body</h4>${fields(body)}` : ""}
<h4>Responses</h4><ul>${responses.join("")}</ul></section>`;
}

/**
 * The OpenAPI document as one self-contained HTML page (no script, no stylesheet from elsewhere): every
 * operation with its parameters, body and responses, then every named schema's fields, linked by name.
 */
export function renderApiDocs(doc: Doc): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })));
  const toc = ops.map(({ method, path, op }) => {
    const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
    return `<li><a href="#${id}"><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> ${escape(path)}</a> — ${code(op.summary ?? "")}</li>`;
  });
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(
    ([name, schema]) =>
      `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3>${typeof schema.description === "string" ? `<p>${code(schema.description)}</p>` : ""}${fields(schema)}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)} v${escape(doc.info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#0f172a;background:#fff}
a{color:#075985}code{font:13px ui-monospace,monospace;background:#f1f5f9;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0;display:block;overflow-x:auto}th,td{border:1px solid #cbd5e1;padding:.25rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #e2e8f0;padding-top:.5rem}.method{font:bold 12px ui-monospace,monospace;padding:.1em .4em;border-radius:3px;color:#fff;background:#334155}
.method.get{background:#075985}.method.post{background:#166534}.method.patch{background:#854d0e}.method.delete{background:#991b1b}
.variant{border-left:3px solid #cbd5e1;padding-left:.5rem;margin:.5rem 0}small{color:#475569}
</style></head>
<body><header><h1>${escape(doc.info.title)} <small>v${escape(doc.info.version)}</small></h1>
<p>${code(doc.info.description ?? "")}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p></header>
<main><nav aria-label="Operations"><h2>Operations</h2><ul>${toc.join("")}</ul></nav>
<h2>Endpoints</h2>${ops.map(({ method, path, op }) => operation(method, path, op)).join("\n")}
<h2>Schemas</h2>${schemas.join("\n")}</main></body></html>`;
}
