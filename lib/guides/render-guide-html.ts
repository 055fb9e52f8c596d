import type { Element, Nodes, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { urlAttributes } from "html-url-attributes";
import { defaultUrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { CODE_LANGUAGES } from "@/lib/guides/code-languages";
import { createTextCache } from "@/lib/guides/create-text-cache";

// react-markdown's own pipeline, ending in HTML rather than React elements (a route handler may not import
// react-dom/server): markdown → HTML tree with raw HTML kept as nodes, code highlighted in the language a
// fenced block names (unnamed ones, the finding's own snippet, and unknown ones like ```gitignore stay plain
// rather than guessed), then raw HTML turned into text and link targets filtered as react-markdown does.
const PROCESSOR = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeHighlight, { languages: CODE_LANGUAGES, detect: false });

// A guide's markdown is all its HTML depends on (the check and its catalogue version, the languages chosen,
// the placeholders filled from the evidence), so the markdown is the key: one check's guide for one language
// and place is highlighted once per process, not per view. ≈ 5–15 KB a guide.
const CACHE = createTextCache({ maxEntries: 500, maxChars: 8_000_000 });

/**
 * A remediation guide's markdown as HTML, its code blocks highlighted: raw HTML in the markdown shows as
 * text and link targets pass react-markdown's URL filter (react-markdown's defaults), so values escaped by
 * renderGuide stay text. Memoised (CACHE); the service page loads it only when a finding is opened.
 */
export function renderGuideHtml(opts: { markdown: string }): string {
  return CACHE(opts.markdown, () => toHtml(defuse(PROCESSOR.runSync(PROCESSOR.parse(opts.markdown)))));
}

/** Raw HTML as text, and every URL attribute through react-markdown's filter (javascript: and the like dropped). */
function defuse(tree: Root): Root {
  const walk = (node: Nodes): Nodes => {
    if (node.type === "raw") return { type: "text", value: node.value };
    if (node.type === "element") filterUrls(node);
    if ("children" in node) node.children = node.children.map((child) => walk(child)) as typeof node.children;
    return node;
  };
  return walk(tree) as Root;
}

function filterUrls(element: Element): void {
  for (const [name, tags] of Object.entries(urlAttributes)) {
    if (!Object.hasOwn(element.properties, name) || (tags !== null && !tags.includes(element.tagName))) continue;
    const value = element.properties[name];
    element.properties[name] = defaultUrlTransform(String(value ?? ""));
  }
}
