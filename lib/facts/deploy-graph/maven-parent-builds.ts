import { join } from "@/lib/facts/deploy-graph/parse-skaffold";
import type { ImageBuild } from "@/lib/facts/deploy-graph/types";

/**
 * The images a Maven parent POM builds for each of its modules with `docker build` (or podman) run by the
 * exec-maven-plugin — the build every module inherits (`mvn install -P buildDocker`). The plugin's
 * `workingDirectory`, `-f` Dockerfile and `-t` tag are resolved per module: the module's `<properties>`
 * override the parent's, `${basedir}` is the module's folder, `${project.artifactId}` its artifactId. A value
 * that stays unresolved leaves that module out. Pure; never throws.
 */
export function mavenParentBuilds(opts: { texts: readonly { path: string; text: string }[] }): ImageBuild[] {
  const poms = new Map(opts.texts.filter((t) => /(^|\/)pom\.xml$/.test(t.path)).map((t) => [t.path, t.text]));
  const out: ImageBuild[] = [];
  for (const [path, text] of poms) {
    const modules = [...(block(text, "modules") ?? "").matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)].map((m) => m[1]!);
    if (modules.length === 0) continue;
    const exec = dockerExecution(text);
    if (!exec) continue;
    const dir = dirOf(path);
    const parentProps = properties(text);
    for (const name of modules) {
      const moduleDir = join(dir, name);
      const modulePom = poms.get(`${moduleDir === "" ? "" : `${moduleDir}/`}pom.xml`);
      if (modulePom === undefined || /<packaging>\s*pom\s*<\/packaging>/.test(modulePom)) continue;
      const props = new Map([...parentProps, ...properties(modulePom)]);
      props.set("basedir", moduleDir === "" ? "." : moduleDir);
      props.set("project.basedir", props.get("basedir")!);
      const artifactId = ownArtifactId(modulePom);
      if (artifactId) props.set("project.artifactId", artifactId);
      const resolve = (value: string) => resolveProperties(value, props);
      const workdir = exec.workingDirectory === null ? moduleDir : resolve(exec.workingDirectory);
      const dockerfile = exec.file === null ? "Dockerfile" : resolve(exec.file);
      if (workdir.includes("${") || dockerfile.includes("${")) continue;
      const tag = exec.tag === null ? null : resolve(exec.tag);
      out.push({
        context: moduleDir,
        dockerfile: join(workdir === "." ? "" : workdir, dockerfile),
        image: tag && !tag.includes("${") ? tag : null,
        name: artifactId,
        via: "maven",
        at: { path, line: exec.line },
        module: moduleDir,
      });
    }
  }
  return out;
}

/** The exec-maven-plugin execution that runs `docker build` / `podman build`, with its arguments as written. */
function dockerExecution(text: string): { workingDirectory: string | null; file: string | null; tag: string | null; line: number } | null {
  for (const plugin of text.matchAll(/<plugin>([\s\S]*?)<\/plugin>/g)) {
    const body = plugin[1]!;
    if (!/<artifactId>\s*exec-maven-plugin\s*<\/artifactId>/.test(body)) continue;
    const executable = body.match(/<executable>\s*([^<]+?)\s*<\/executable>/)?.[1] ?? "";
    const args = [...(block(body, "arguments") ?? "").matchAll(/<argument>\s*([^<]*?)\s*<\/argument>/g)].map((m) => m[1]!);
    const props = properties(text);
    const program = resolveProperties(executable, props);
    if (!/(^|\/)(docker|podman)$/.test(program) && !/container|docker|podman/i.test(executable)) continue;
    if (args[0] !== "build" && !(args[0] === "buildx" && args[1] === "build")) continue;
    const after = (flags: string[]) => {
      const i = args.findIndex((a) => flags.includes(a));
      return i >= 0 ? (args[i + 1] ?? null) : null;
    };
    const line = text.slice(0, (plugin.index ?? 0) + body.indexOf("<argument>build")).split("\n").length;
    return {
      workingDirectory: body.match(/<workingDirectory>\s*([^<]+?)\s*<\/workingDirectory>/)?.[1] ?? null,
      file: after(["-f", "--file"]),
      tag: after(["-t", "--tag"]),
      line,
    };
  }
  return null;
}

/** A POM's `<properties>` as name → value. */
function properties(pom: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const m of (block(pom, "properties") ?? "").matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) props.set(m[1]!, m[2]!);
  return props;
}

/** `${name}` references replaced by known properties, a few rounds deep (properties naming properties). */
function resolveProperties(value: string, props: ReadonlyMap<string, string>): string {
  let out = value;
  for (let round = 0; round < 5 && out.includes("${"); round++)
    out = out.replace(/\$\{([\w.-]+)\}/g, (whole, name: string) => props.get(name) ?? whole);
  return out.replace(/^\.\//, "");
}

/** The module's own artifactId (not its parent's or a dependency's). */
function ownArtifactId(pom: string): string | null {
  const withoutParent = pom
    .replace(/<parent>[\s\S]*?<\/parent>/, "")
    .replace(/<(dependencies|build|dependencyManagement|profiles)>[\s\S]*?<\/\1>/g, "");
  return withoutParent.match(/<artifactId>\s*([^<]+?)\s*<\/artifactId>/)?.[1] ?? null;
}

function block(text: string, tag: string): string | null {
  return text.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? null;
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
