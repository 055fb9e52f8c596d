import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import type { TextFile } from "@/lib/facts/types";
import { findHostStarts } from "./find-hosts";

const py = (path: string, ...lines: string[]): TextFile => ({ path, language: "python", lines });
const server = py(
  "shop/server.py",
  "from fastmcp import FastMCP",
  "",
  "class Shop:",
  "    def serve(self):",
  '        self.mcp.run(transport="http", port=8000)',
);

const cases: { name: string; files: TextFile[]; want: { host: string; start: string; thread: string | null }[] }[] = [
  {
    name: "a thread given the function that starts the server",
    files: [server, py("main.py", "async def main():", "    await asyncio.to_thread(shop.serve)")],
    want: [{ host: "FastMCP (uvicorn)", start: "shop/server.py:5", thread: "main.py:2" }],
  },
  {
    name: "a thread given another function",
    files: [server, py("main.py", "threading.Thread(target=shop.serve_metrics, daemon=True).start()", "shop.serve()")],
    want: [{ host: "FastMCP (uvicorn)", start: "shop/server.py:5", thread: null }],
  },
  {
    name: "a server started inside the thread's own line",
    files: [py("main.py", "import uvicorn", "threading.Thread(target=lambda: uvicorn.run(app)).start()")],
    want: [{ host: "uvicorn", start: "main.py:2", thread: "main.py:2" }],
  },
  {
    name: "uvicorn on the main thread beside a consumer thread",
    files: [
      py(
        "main.py",
        "import uvicorn",
        "def consume():",
        "    pass",
        "threading.Thread(target=consume, daemon=True).start()",
        'if __name__ == "__main__":',
        "    uvicorn.run(app)",
      ),
    ],
    want: [{ host: "uvicorn", start: "main.py:6", thread: null }],
  },
  {
    name: "a namesake call in a file that does not import the framework",
    files: [py("ship.py", "rocket.launch(countdown=10)"), py("ui.py", "import gradio as gr", "demo.launch(server_port=7860)")],
    want: [{ host: "Gradio", start: "ui.py:2", thread: null }],
  },
  {
    name: "a classic Sinatra app",
    files: [{ path: "app.rb", language: "ruby", lines: ['require "sinatra"', 'get "/" do', '  "ok"', "end"] }],
    want: [{ host: "Sinatra", start: "app.rb:1", thread: null }],
  },
];

for (const c of cases) {
  test(`host starts: ${c.name}`, () => {
    const found = findHostStarts({ facts: emptyFacts({ textFiles: c.files }) });
    assert.deepEqual(
      found.map((h) => ({
        host: h.host.name,
        start: `${h.start.file.path}:${h.start.line}`,
        thread: h.offMainThread ? `${h.offMainThread.file.path}:${h.offMainThread.line}` : null,
      })),
      c.want,
    );
  });
}
