import { sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, type LanguagePatterns, type LineMatch } from "@/lib/rules/helpers/find-line-matches";
import { perFacts } from "@/lib/rules/helpers/per-facts";
import type { ServiceFacts } from "@/lib/facts/types";

const JS_START = /\.listen\(|\bcreateServer\(|\bBun\.serve\(|\bDeno\.serve\(|\bserve\(\s*\{\s*fetch\b/;

/** Where a process starts serving HTTP (or any TCP port). */
export const SERVER_START: LanguagePatterns = {
  javascript: JS_START,
  typescript: JS_START,
  python: /\b(app|application|server)\.run\(|\buvicorn\.run\(|\bweb\.run_app\(|\bserve_forever\(|\bwaitress\.serve\(|\bmake_server\(/,
  go: /\bListenAndServe(TLS)?\(|\bnet\.Listen\(|\.(Run|Start|Listen)\(\s*(":|fmt\.Sprintf|addr|port|":"\s*\+)/,
  java: /\bSpringApplication\.run\(|\bHttpServer\.create\(|\bnew ServerSocket\(|\bJavalin\.create\(|\.port\(\d|\bVertx\b.*createHttpServer/,
  kotlin: /\bembeddedServer\(|\brunApplication<|\bSpringApplication\.run\(/,
  csharp: /\bWebApplication\.CreateBuilder\(|\bapp\.Run(Async)?\(|\bUseKestrel\(|\bUseUrls\(|\bWebHost\.CreateDefaultBuilder\(/,
  ruby: /\bSinatra::Base\b|\bRails\.application\b|\bset\s+:port\b|\bRack::Handler\b/,
  php: /\$app->run\(|\bnew\s+React\\Http\\HttpServer\b/,
};

// Express-style registrations, and file-based route handlers (Next.js `app/**/route.ts`, SvelteKit `+server.ts`).
const JS_ROUTE =
  /\b(app|router|server|api|fastify|routes?)\.(get|post|put|patch|delete|all|route)\(\s*["'`/]|^export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b|^export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\s*=/;

/** Where an HTTP route is declared. */
export const ROUTE: LanguagePatterns = {
  javascript: JS_ROUTE,
  typescript: new RegExp(`${JS_ROUTE.source}|@(Get|Post|Put|Patch|Delete|Controller)\\(`),
  // Decorators, and the same registration called directly (`self.app.post("/prompt")(self.handle_prompt)`).
  python:
    /@\w+\.(route|get|post|put|patch|delete|api_route)\(|^\s*[\w.]*\b(app|router|bp|blueprint)\.(route|get|post|put|patch|delete|api_route|add_api_route)\(\s*["']\/|\bpath\(\s*["']|\badd_url_rule\(|\badd_(get|post|route)\(/,
  // Go 1.22 patterns may start with a method: mux.HandleFunc("GET /v1/orders", ...).
  go: /\.(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|Group)\(\s*"([A-Z]+\s+)?\/|\.Method(s)?\(/,
  java: /@(Get|Post|Put|Patch|Delete|Request)Mapping\b|@Path\(|\.createContext\(\s*"\//,
  kotlin: /@(Get|Post|Put|Patch|Delete|Request)Mapping\b|\b(get|post|put|patch|delete|route)\(\s*"\//,
  csharp: /\.Map(Get|Post|Put|Patch|Delete|Methods|Controllers)\(|\[Http(Get|Post|Put|Patch|Delete)\b|\[Route\(|\[ApiController\]/,
  ruby: /^\s*(get|post|put|patch|delete)\s+["']\/|\bresources?\s+:/,
  php: /\$(app|router)->(get|post|put|patch|delete)\(|Route::(get|post|put|patch|delete)\(/,
};

// Symfony routes, in docblock annotations or attributes: read on the raw lines, since annotations are comments.
const PHP_ANNOTATED_ROUTE = /^\s*(\/\*\*|\*)?\s*@Route\(\s*(path\s*=\s*)?"\/|#\[Route\(\s*(path:\s*)?["']\//;

/** Lines where the service starts a server. */
export const findServerStarts = perFacts((facts): LineMatch[] => findLineMatches({ facts, patterns: SERVER_START }));

/** Lines where the service declares routes. */
export const findRoutes = perFacts((facts): LineMatch[] => [
  ...findLineMatches({ facts, patterns: ROUTE }),
  ...sourceFiles(facts)
    .filter((file) => file.language === "php")
    .flatMap((file) =>
      file.lines.flatMap((code, i) => {
        const match = PHP_ANNOTATED_ROUTE.exec(code);
        return match ? [{ file, line: i + 1, code, match }] : [];
      }),
    ),
]);

// Operational endpoints every process may serve, API or not (a worker's health port is not an API).
const OPERATIONAL_ROUTE = /["'`]([A-Z]+\s+)?\/(health|healthz|healthcheck|ready|readyz|live|livez|ping|metrics|status)\b[\w/-]*["'`]/;

/** Routes of the service's API: declared routes other than health, readiness and metrics endpoints. */
export function findApiRoutes(facts: ServiceFacts): LineMatch[] {
  return findRoutes(facts).filter((m) => !OPERATIONAL_ROUTE.test(m.code));
}

/** An HTTP service: it starts a server or declares routes. Workers and CLIs are not. */
export function firstHttpEvidence(facts: ServiceFacts): LineMatch | undefined {
  return findServerStarts(facts)[0] ?? findRoutes(facts)[0];
}

const JS_PAGES = /\b(res|reply)\.(render|view)\(|\bapp\.set\(\s*["']view engine["']/;
/** Where a service renders HTML pages on the server: templates, MVC views, Razor Pages and Blazor components. */
export const PAGE_RENDERING: LanguagePatterns = {
  javascript: JS_PAGES,
  typescript: JS_PAGES,
  python: /\brender_template\(|\.TemplateResponse\(|\brender\(\s*request\s*,/,
  go: /\.ExecuteTemplate\(|\btemplate\.(Must|ParseFS|ParseGlob|ParseFiles)\(/,
  // Spring MVC views: a `@Controller` filling a `Model` and returning a template name (Thymeleaf, FreeMarker...).
  java: /\bnew\s+ModelAndView\(|^\s*import\s+org\.springframework\.ui\.(Model|ModelMap);|\bmodel\.addAttribute\(/,
  kotlin: /\bModelAndView\(|^\s*import\s+org\.springframework\.ui\.(Model|ModelMap)\b|\bmodel\.addAttribute\(/,
  csharp: /\bAddControllersWithViews\(|\bAddRazorPages\(|\bAddRazorComponents\(|\bAddMvc\(|\bMapRazorPages\(|\bMapRazorComponents</,
  ruby: /\berb\s+:|\bhaml\s+:/,
  php: /->render\(\s*["'][\w/.-]+\.(html|twig)/,
};

/** Where the service renders HTML pages for browsers (a web front end): not every route is an API for programs. */
export const findPageRendering = perFacts((facts): LineMatch[] => findLineMatches({ facts, patterns: PAGE_RENDERING }));

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

// In a web front end, the routes that are an API for programs: under /api, or in a JSON API controller.
const API_PATH = /["'`]([A-Z]+\s+)?\/?api\//;
const API_CONTROLLER = /\[ApiController\]|:\s*ControllerBase\b|@RestController\b/;

/**
 * The service's API routes for programs: all API routes, or in a web front end that renders pages, only the
 * routes under /api (or in JSON API controllers): its page routes are a website, not a contract to version.
 */
export function findProgramApiRoutes(facts: ServiceFacts): LineMatch[] {
  const routes = findApiRoutes(facts);
  if (findPageRendering(facts).length === 0) return routes;
  // A web front end's own JSON endpoints (its chat box, its cart widget) serve its pages; what it offers other
  // programs lives under /api, or in API controllers that are not next to the page controllers.
  const apiFiles = new Set(routes.filter((m) => m.file.lines.some((l) => API_CONTROLLER.test(l))).map((m) => m.file));
  const pageDirs = new Set(findPageRendering(facts).map((m) => dirOf(m.file.path)));
  return routes.filter((m) => API_PATH.test(m.code) || (apiFiles.has(m.file) && !pageDirs.has(dirOf(m.file.path))));
}
