import { vi } from "vitest";

// `server-only` throws when imported outside a React Server environment; tests are server code.
vi.mock("server-only", () => ({}));

process.env.DATABASE_PATH = ":memory:";
await import("@/lib/database"); // configures db/client from the environment, as the site does
process.env.AUTH_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.SITE_URL = "http://localhost:3000";
