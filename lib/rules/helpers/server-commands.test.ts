import assert from "node:assert/strict";
import { test } from "node:test";
import { serverPort } from "@/lib/rules/helpers/server-commands";

test("the port a server's command line gives: a number written in, an environment reference, or none", () => {
  const cases: [string, string | null, boolean][] = [
    ["uvicorn main:app --host 0.0.0.0 --port 5001", "5001", true],
    ["uvicorn main:app --host 0.0.0.0 --port=${PORT:-8000}", "${PORT:-8000}", false],
    ["gunicorn --workers 2 -b 0.0.0.0:8000 app:app", "8000", true],
    ["gunicorn --bind=0.0.0.0:$PORT app:app", "$PORT", false],
    ['gunicorn --bind "0.0.0.0:8000" app:app', "8000", true],
    ["hypercorn --bind 0.0.0.0:8080 app:app", "8080", true],
    ["flask run --host=0.0.0.0 --port=5000", "5000", true],
    ["python manage.py runserver 0.0.0.0:8000", "8000", true],
    ["python -m http.server 8000", "8000", true],
    ["waitress-serve --listen=*:8080 app:app", "8080", true],
    ["uwsgi --http :9090 --wsgi-file app.py", "9090", true],
    ["next start -p $PORT", "$PORT", false],
    ["php -S 0.0.0.0:8000 -t public", "8000", true],
    ["bundle exec rails server -b 0.0.0.0 -p 3000", "3000", true],
    ["bundle exec puma -C config/puma.rb", null, false],
    ["uvicorn main:app --host 0.0.0.0", null, false],
    ["gunicorn app:app", null, false],
  ];
  for (const [command, port, literal] of cases) assert.deepEqual(serverPort(command), { port, literal }, command);
  assert.equal(serverPort("node server.js"), null, "not a server this table knows: the code's start call is judged instead");
  assert.equal(serverPort("celery -A tasks worker --concurrency 2"), null);
});
