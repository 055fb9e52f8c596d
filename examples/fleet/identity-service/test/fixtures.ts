// Test fixtures for the integration suite. These values only ever point at the throwaway database that
// `docker compose up db` starts on a developer machine or in CI; they are not application config.
export const TEST_DATABASE_URL = "postgres://postgres:postgres@localhost:5432/identity_test";

export const TEST_ENV = {
  PORT: "0",
  DATABASE_URL: TEST_DATABASE_URL,
  OIDC_ISSUER_URL: "http://localhost:8081/realms/test",
  OIDC_AUDIENCE: "identity-service",
};

export const users = [
  { id: "u-1", email: "ada@example.com", display_name: "Ada" },
  { id: "u-2", email: "grace@example.com", display_name: "Grace" },
];
