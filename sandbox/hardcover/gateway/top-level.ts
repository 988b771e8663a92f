/**
 * The gateway's per-request limit: at most 5 top-level queries, or 5 mutations, or 1 `search`.
 * Aliases count separately and fragments on the root type are expanded, since each top-level field
 * is also one rate-limit unit.
 */
import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

export const MAX_TOP_LEVEL_FIELDS = 5;
export const MAX_SEARCH_FIELDS = 1;

export interface TopLevel {
  operation: OperationDefinitionNode;
  /** Field names (not aliases) of every top-level selection, in document order. */
  fields: string[];
  /** Names of every field selected below the top level (fragments expanded). */
  nested: Set<string>;
}

export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  if (operationName) return operations.find((op) => op.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function collect(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') names.push(selection.name.value);
    else if (selection.kind === 'InlineFragment')
      names.push(...collect(selection.selectionSet, fragments, visiting));
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      names.push(...collect(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return names;
}

/** Adds the name of every field below the top level; fragments count at the depth they are spread. */
function collectNested(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  into: Set<string>,
  depth: number,
  visiting: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      if (depth > 0) into.add(selection.name.value);
      if (selection.selectionSet) collectNested(selection.selectionSet, fragments, into, depth + 1, visiting);
    } else if (selection.kind === 'InlineFragment') {
      collectNested(selection.selectionSet, fragments, into, depth, visiting);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      collectNested(fragment.selectionSet, fragments, into, depth, visiting);
      visiting.delete(fragment.name.value);
    }
  }
}

export function topLevelFields(document: DocumentNode, operation: OperationDefinitionNode): TopLevel {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((f) => [f.name.value, f]),
  );
  const nested = new Set<string>();
  collectNested(operation.selectionSet, fragments, nested, 0, new Set());
  return { operation, fields: collect(operation.selectionSet, fragments, new Set()), nested };
}

export type LimitViolation = { code: string; description: string };

export function checkTopLevelLimit(top: TopLevel): LimitViolation | undefined {
  const kind = top.operation.operation;
  const searches = kind === 'query' ? top.fields.filter((f) => f === 'search').length : 0;
  if (searches > MAX_SEARCH_FIELDS)
    return {
      code: 'search_query_limit_exceeded',
      description: `a request may hold at most ${MAX_SEARCH_FIELDS} search query; this one has ${searches}`,
    };
  if (top.fields.length > MAX_TOP_LEVEL_FIELDS) {
    const noun = kind === 'mutation' ? 'mutations' : 'queries';
    return {
      code: kind === 'mutation' ? 'top_level_mutation_limit_exceeded' : 'top_level_query_limit_exceeded',
      description: `a request may hold at most ${MAX_TOP_LEVEL_FIELDS} top-level ${noun}; this one has ${top.fields.length}`,
    };
  }
  return undefined;
}
