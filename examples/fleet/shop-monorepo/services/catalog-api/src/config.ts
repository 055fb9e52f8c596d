// All settings from the environment; missing required values stop the process at start-up.
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: required("DATABASE_URL"),
  jwksUrl: required("JWKS_URL"),
  logLevel: process.env.LOG_LEVEL ?? "info",
};
