import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { CatalogTypesClient, withCatalogTypes } from "./catalog-types-client";
import { schemaParam } from "./database-url";
import { prepareShadowDatabase, shadowDatabaseUrl } from "./prepare-shadow-database";

export type AdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** Ends every pool this factory opened (the engine does not always dispose its adapters). */
  close(): Promise<void>;
};

/**
 * The driver-adapter factory the WASM schema engine runs on: adapter-pg over pools whose clients relabel
 * catalog types, with a shadow database of our own (see prepare-shadow-database.ts).
 */
export function createAdapterFactory(datasource: { url: string; shadowDatabaseUrl?: string }): AdapterFactory {
  const open = new Set<SqlDriverAdapter>();

  async function connectTo(url: string): Promise<SqlDriverAdapter> {
    const schema = schemaParam(url);
    const factory = new PrismaPg({ connectionString: url, Client: CatalogTypesClient }, schema ? { schema } : undefined);
    const adapter = wholeScripts(withCatalogTypes(await factory.connect()));
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCatalogTypes(await startTransaction(isolationLevel));
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (open.delete(adapter)) await dispose();
    };
    return adapter;
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(datasource.url),
    async connectToShadowDb() {
      const shadowUrl = shadowDatabaseUrl(datasource);
      await prepareShadowDatabase({ url: datasource.url, shadowUrl, create: !datasource.shadowDatabaseUrl });
      return connectTo(shadowUrl);
    },
    async close() {
      await Promise.allSettled([...open].map((a) => a.dispose()));
    },
  };
}

/**
 * adapter-pg's executeScript splits the script on every `;`, which breaks migrations with function bodies or
 * string literals containing one. Send the script as one simple-protocol query instead (a query without
 * parameters), as the native engine does: PostgreSQL runs it as one implicit transaction.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}
