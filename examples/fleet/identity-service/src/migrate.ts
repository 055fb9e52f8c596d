// One-off admin process: applied by the Kubernetes Job in k8s/migrate-job.yaml, same image as the API.
import pg from "pg";
import { loadConfig } from "./config.js";

const { DATABASE_URL } = loadConfig();
const client = new pg.Client({ connectionString: DATABASE_URL });
await client.connect();
try {
  await client.query(`CREATE TABLE IF NOT EXISTS users (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE,
    display_name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  console.log(JSON.stringify({ level: "info", msg: "migrations applied" }));
} finally {
  await client.end();
}
