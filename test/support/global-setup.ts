import pg from "pg";

/**
 * The PostgreSQL project needs the local server. In CI its absence is a failure, said loudly;
 * on a laptop without one those tests are skipped with a clear message.
 */
export default async function setup(): Promise<void> {
  if (process.env.SEIMBANG_TEST_DB !== "postgres") return;
  const url = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${url} (${(error as Error).message}).`;
    if (process.env.CI) {
      throw new Error(`${message} CI must run the suite against PostgreSQL: start the server.`, {
        cause: error,
      });
    }
    console.warn(
      `\n⚠ ${message} Skipping the PostgreSQL run; set TEST_POSTGRES_URL or start PostgreSQL to include it.\n`,
    );
    process.env.SEIMBANG_SKIP_POSTGRES = "1";
  }
}
