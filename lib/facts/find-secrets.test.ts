import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findSecrets } from "@/lib/facts/find-secrets";

// Fake credentials with real shapes, assembled at runtime so this file does not trip secret scanners itself.
const fake = (n: number) => Array.from({ length: n }, (_, i) => "aB3dE5gH7jK9mN1pQ2sT4vW6yZ8"[(i * 7 + 3) % 27]).join("");

/** [kind, name, the literal found, reported] of each hit on a one-line file. */
function hitsOf(path: string, line: string) {
  return findSecrets({ path, lines: [line] }).map((h) => [h.kind, h.name, line.slice(h.start, h.end), h.report]);
}

describe("findSecrets: provider keys and tokens (secretlint's recommended preset), anywhere in a file", () => {
  const cases: [kind: string, value: string][] = [
    ["github-token", `ghp_${fake(36)}`],
    ["slack-token", `xoxb-1234567890-1234567890123-${fake(24)}`],
    ["stripe-secret-key-live", `sk_live_${fake(24)}`],
    ["openai-token", `sk-proj-${fake(74)}T3BlbkFJ${fake(74)}`],
    ["npm-access-token", `npm_${fake(36)}`],
  ];
  for (const [kind, value] of cases) {
    it(kind, () => assert.deepEqual(hitsOf("src/notes.ts", `// see ${value} here`), [[kind, null, value, true]]));
  }

  it("an AWS access key ID is redacted but not reported: an identifier alone unlocks nothing", () => {
    const id = `AKIA${"QWERTYUIOPASDFGH"}`;
    assert.deepEqual(hitsOf("src/aws.ts", `const id = "${id}";`), [["aws-access-key-id", null, id, false]]);
  });

  it("the documented example keys stay allow-listed", () => {
    assert.deepEqual(hitsOf(".env.example", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"), []);
  });
});

describe("findSecrets: the context rules a twelve-factor audit adds", () => {
  const cases: [what: string, path: string, line: string, hits: unknown[][]][] = [
    [
      "credentials in a connection string",
      ".env",
      "DATABASE_URL=postgres://app:pg-pass-42@db:5432/app",
      [["connection-string-credentials", null, "pg-pass-42", true]],
    ],
    [
      "credentials in a Go MySQL DSN",
      "k8s/catalogue.yaml",
      "        - -DSN=catalogue_user:cat-pass-42@tcp(catalogue-db:3306)/socksdb",
      [["connection-string-credentials", null, "cat-pass-42", true]],
    ],
    [
      "ADO.NET connection string",
      "src/Api/appsettings.json",
      '  "Db": "Server=sql;User Id=sa;Password=Pa55w0rd!;"',
      [["connection-string-credentials", "Password", "Pa55w0rd!", true]],
    ],
    [
      "Kubernetes manifest password",
      "k8s/config.yaml",
      "  POSTGRES_PASSWORD: pg-pass-42",
      [["password-assignment", "POSTGRES_PASSWORD", "pg-pass-42", true]],
    ],
    [
      "compose environment, weak default",
      "docker-compose.yml",
      "      - MYSQL_PASSWORD=secret",
      [["password-assignment", "MYSQL_PASSWORD", "secret", true]],
    ],
    [
      "compose environment, quoted list item",
      "docker-compose.yml",
      '      - "RABBITMQ_DEFAULT_PASS=password"',
      [["password-assignment", "RABBITMQ_DEFAULT_PASS", "password", true]],
    ],
    [
      "Spring application.properties",
      "src/main/resources/application.properties",
      "spring.datasource.password=pr0d-pass",
      [["password-assignment", "spring.datasource.password", "pr0d-pass", true]],
    ],
    [
      "Spring application.yml",
      "src/main/resources/application-prod.yml",
      "    password: pr0d-pass",
      [["password-assignment", "password", "pr0d-pass", true]],
    ],
    [
      ".NET appsettings.json",
      "src/Api/appsettings.Production.json",
      '    "ClientSecret": "c1ient-s3cret",',
      [["secret-assignment", "ClientSecret", "c1ient-s3cret", true]],
    ],
    [
      "Maven settings.xml",
      "settings.xml",
      "      <password>deploy-pass</password>",
      [["password-assignment", "password", "deploy-pass", true]],
    ],
    [
      "Java DataSource setter",
      "src/main/java/Config.java",
      '        ds.setPassword("hunter22");',
      [["password-argument", "setPassword", "hunter22", true]],
    ],
    [
      "builder continued from the line above",
      "src/main/kotlin/Config.kt",
      '        .password("secret")',
      [["password-argument", "password", "secret", true]],
    ],
    [
      "PHP container parameter",
      "src/Kernel.php",
      "        $c->setParameter('pdo_password', 'iloveit');",
      [["password-argument", "pdo_password", "iloveit", true]],
    ],
    ["PHP config array", "config/database.php", "    'password' => 'forge-42',", [["password-assignment", "password", "forge-42", true]]],
    [
      "RabbitMQ credentials object (pika)",
      "payment/rabbitmq.py",
      "credentials=pika.PlainCredentials('guest', 'guest'))",
      [["secret-argument", "PlainCredentials", "guest", true]],
    ],
    [
      "IdentityServer client secret",
      "src/Identity/Config.cs",
      '    ClientSecrets = { new Secret("secret".Sha256()) },',
      [["secret-argument", "Secret", "secret", true]],
    ],
    [
      "C# options property",
      "src/WebApp/Extensions.cs",
      '    options.ClientSecret = "secret";',
      [["secret-assignment", "options.ClientSecret", "secret", true]],
    ],
    [
      "a real-looking env default is committed all the same",
      "src/main/resources/application.yml",
      "    password: ${DB_PASSWORD:s3cr3tpw}",
      [["password-assignment", "password", "s3cr3tpw", true]],
    ],
  ];
  for (const [what, path, line, hits] of cases) it(what, () => assert.deepEqual(hitsOf(path, line), hits));

  it("a private JSON Web Key: reported once, every private member redacted", () => {
    const line = `{"Alg":"RS256","D":"${fake(40)}","E":"AQAB","Kty":"RSA","N":"${fake(40)}","P":"${fake(30)}"}`;
    assert.deepEqual(
      findSecrets({ path: "src/Identity/tempkey.jwk", lines: [line] }).map((h) => [h.kind, h.name, h.report, h.keepPrefix]),
      [
        ["private-key", "D", true, false],
        ["private-key", "P", false, false],
      ],
    );
  });
});

describe("findSecrets: not secrets", () => {
  const cases: [what: string, path: string, line: string][] = [
    ["placeholder changeme", "config.yaml", "  password: changeme"],
    ["placeholder <your-key>", "config.yaml", "  api_key: <your-key>"],
    ["placeholder xxx", "config.yaml", "  api_key: xxx"],
    ["reference ${VAR}", "config.yaml", "  token: ${API_TOKEN}"],
    ["Helm value", "chart/templates/deploy.yaml", "  password: {{ .Values.db.password }}"],
    ["Kubernetes $(VAR)", "k8s/deploy.yaml", "  DB_URL: postgres://app:$(DB_PASSWORD)@db/app"],
    ["env fallback to a dummy (Spring)", "src/main/resources/application.yml", "      api-key: ${OPENAI_API_KEY:demo}"],
    ["env fallback to a well-known default", "src/main/resources/application.yml", "    password: ${RABBIT_PASSWORD:guest}"],
    ["env fallback to empty (Python)", "app/settings.py", 'SECRET_KEY = os.getenv("SECRET_KEY", "")'],
    ["env fallback in code (Node)", "src/config.ts", 'const apiKey = process.env.API_KEY || "dev-key";'],
    ["GitHub Actions permission", ".github/workflows/ci.yml", "  id-token: write"],
    ["OAuth token type", "src/oauth.ts", "const token_type = 'Bearer';"],
    ["password policy", "config/app.yaml", "password_min_length: 12"],
    ["typeof check", "src/a.js", "if (typeof token === 'function') token = token();"],
    ["type check of a property", "src/a.js", "if (typeof options.password !== 'string') throw e;"],
    ["a switch about passwords", "Dockerfile", "ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes \\"],
    ["format placeholders", "repository.go", '\tdsn := fmt.Sprintf("%s:%s@tcp(%s)/%s", user, password, host, name)'],
    ["setter given a variable", "src/main/java/Config.java", '        ds.setPassword(System.getenv("DB_PASSWORD"));'],
    ["Laravel env() with a default", "config/database.php", "    'password' => env('DB_PASSWORD', 'forge'),"],
    ["Spring @Value default", "src/main/java/Config.java", '  @Value("${db.password:guest}") String password;'],
    ["a sentence quoting code", "notes/review.json", '  "why": "secret written in code: options.ClientSecret = \\"secret\\""'],
    ["a string assembled around a variable", "src/db.ts", 'const url = "user=app;password=" + password;'],
    ["a label that spells its key", "src/labels.ts", 'const OUTCOME = { pass: "Pass", fail: "Fail" };'],
    ["a commented-out sentence in config", "chart/values.yaml", "# set db.password=... at install time"],
  ];
  for (const [what, path, line] of cases) it(what, () => assert.deepEqual(hitsOf(path, line), []));

  it("a @ConfigurationProperties field default is overridden by the environment", () => {
    const lines = [
      '@ConfigurationProperties(prefix = "app.rabbitmq")',
      "public class RabbitProperties {",
      '  private String password = "guest";',
      "}",
    ];
    assert.deepEqual(findSecrets({ path: "src/main/java/RabbitProperties.java", lines }), []);
  });

  it("a real-looking default in such a class is still committed", () => {
    const lines = ['@ConfigurationProperties(prefix = "app")', "class AppProperties {", '  var apiKey: String = "k-9f8e7d6c5b4a"', "}"];
    assert.deepEqual(
      findSecrets({ path: "src/main/kotlin/AppProperties.kt", lines }).map((h) => [h.line, h.name]),
      [[3, "apiKey"]],
    );
  });
});
