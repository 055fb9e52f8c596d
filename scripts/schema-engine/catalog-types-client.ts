import pg from "pg";
import type { SqlQueryable, SqlResultSet } from "@prisma/driver-adapter-utils";

// adapter-pg maps each result column to a Prisma column type by its type OID and rejects catalog types it
// does not know (prisma/orm#27403). The schema engine's describer reads `"char"` columns
// (pg_constraint.contype, pg_class.relkind, …) and wants them as Character; on PostgreSQL 18, whose
// pg_constraint has rows for NOT NULL constraints, it fails with "Column type 'char' could not be
// deserialized" (or panics on "Getting constraint_type … as char failed"). Both are text on the wire, so:
// the client below relabels `"char"` as character (bpchar, which adapter-pg accepts) and `name` as text,
// remembers which columns were `"char"`, and withCatalogTypes() restores those to Character.
const CHAR_OID = 18;
const BPCHAR_OID = 1042;
const NAME_OID = 19;
const TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

// Keyed by the result's rows array, which adapter-pg hands back unchanged as SqlResultSet.rows.
const characterColumns = new WeakMap<object, number[]>();

type ResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

function relabel<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as ResultLike[]) {
    const chars: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = BPCHAR_OID;
        chars.push(i);
      } else if (field.dataTypeID === NAME_OID) {
        field.dataTypeID = TEXT_OID;
      }
    });
    if (chars.length > 0 && r.rows) characterColumns.set(r.rows, chars);
  }
  return result;
}

type Callback = (err: Error | null, res: unknown) => void;

/** A node-postgres client whose results describe `"char"` and `name` columns as types adapter-pg accepts. */
export class CatalogTypesClient extends pg.Client {
  // pg.Client#query is overloaded a dozen ways; this override forwards whatever it gets.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (typeof values === "function") [callback, values] = [values, undefined];
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (typeof callback === "function") {
      const cb = callback as Callback;
      return super.query(config, values, (err: Error | null, res: unknown) => cb(err, err ? res : relabel(res)));
    }
    return (super.query(config, values) as Promise<unknown>).then(relabel);
  }
}

/** Makes a queryable's results report `"char"` columns as Character again (see above). */
export function withCatalogTypes<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result: SqlResultSet = await queryRaw(query);
    for (const i of characterColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  return queryable;
}
