import type { z } from 'zod';
import { catchallOf, fieldsOf, typeName, unwrap } from './fact-shape.js';
import { factSchema, scopeFacts } from './facts/scope-facts.js';
import { PackScope } from './pack-schema.js';

export interface FactField {
  path: string;
  type: string;
  description: string;
}

export interface FactTable {
  fact: string;
  /** The scopes whose rules see it. */
  scopes: PackScope[];
  description: string;
  fields: FactField[];
}

/** What rules can read, fact by fact (for `ptp-mcp rules facts`): every path with its type and meaning. */
export function factTables(scopes: readonly PackScope[] = PackScope.options): FactTable[] {
  const byFact = new Map<string, { schema: z.ZodType; scopes: PackScope[] }>();
  for (const scope of scopes) {
    for (const fact of scopeFacts(scope)) {
      const entry = byFact.get(fact) ?? { schema: factSchema(scope, fact)!, scopes: [] };
      entry.scopes.push(scope);
      byFact.set(fact, entry);
    }
  }
  // `param` last: the pack's own values, not a fact of the data.
  const facts = [...byFact].sort(([a], [b]) => Number(a === 'param') - Number(b === 'param'));
  return facts.map(([fact, { schema, scopes }]) => ({
    fact,
    scopes,
    description: unwrap(schema).description ?? '',
    fields: fieldsBelow(schema, '$'),
  }));
}

/** The fields of an object, then those of its objects, lists of objects and maps of objects, depth first. */
function fieldsBelow(schema: z.ZodType, prefix: string): FactField[] {
  const rows: FactField[] = [];
  for (const [key, field] of fieldsOf(schema)) {
    const path = `${prefix}.${key}`;
    const { schema: inner, description } = unwrap(field);
    rows.push({ path, type: typeName(field), description: description ?? '' });
    rows.push(...fieldsBelow(inner, path));
    const def = inner._zod.def as { type: string; element?: z.ZodType; valueType?: z.ZodType };
    if (def.type === 'array' && def.element) rows.push(...fieldsBelow(def.element, `${path}[]`));
    if (def.type === 'record' && def.valueType) rows.push(...fieldsBelow(def.valueType, `${path}.<name>`));
  }
  const other = catchallOf(schema);
  if (other) rows.push({ path: `${prefix}.<other>`, type: typeName(other), description: 'any other key' });
  return rows;
}

/** The tables as text: one block per fact, a line per path. */
export function renderFactTables(tables: readonly FactTable[]): string {
  const out: string[] = [];
  for (const table of tables) {
    out.push(
      `fact ${table.fact} (scope ${table.scopes.join(', ')})${table.description ? `: ${table.description}` : ''}`,
    );
    const width = Math.max(0, ...table.fields.map((field) => field.path.length));
    const typeWidth = Math.min(28, Math.max(0, ...table.fields.map((field) => field.type.length)));
    for (const field of table.fields) {
      out.push(
        `  ${field.path.padEnd(width)}  ${field.type.padEnd(typeWidth)}  ${field.description}`.trimEnd(),
      );
    }
    out.push('');
  }
  return out.join('\n');
}
