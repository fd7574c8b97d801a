import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import { type AnyVariables, type CombinedError, useClient, useQuery } from 'urql';

/** The part of a keyset connection (`first`/`after`) that paging needs. */
export interface Page<N> {
  readonly totalCount: number;
  readonly nodes: readonly N[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
}

interface More<N> {
  readonly key: string;
  readonly nodes: readonly N[];
  readonly pageInfo: Page<N>['pageInfo'];
}

/**
 * A list read page by page through the API's keyset connections: the first page as an ordinary
 * query (so it updates with the filters), then "show more" asks for the page after the last
 * cursor and appends it. Changing the variables starts again from the first page.
 */
export function useShowMore<Q, V extends AnyVariables & { after?: string | null }, N>(
  query: TypedDocumentNode<Q, V>,
  variables: V,
  select: (data: Q) => Page<N> | undefined,
  options: { pause?: boolean } = {},
) {
  const [first, refetch] = useQuery<Q, V>({ query, variables, pause: options.pause } as never);
  const client = useClient();
  const key = JSON.stringify(variables);
  const [more, setMore] = useState<More<N> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | undefined>();
  const page = first.data ? select(first.data) : undefined;
  const extra = more?.key === key ? more : null;
  const pageInfo = extra?.pageInfo ?? page?.pageInfo;

  async function showMore(): Promise<void> {
    if (!pageInfo?.hasNextPage || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    const result = await client.query(query, { ...variables, after: pageInfo.endCursor ?? null }, { requestPolicy: 'network-only' }).toPromise();
    setLoadingMore(false);
    const next = result.data ? select(result.data) : undefined;
    if (!next) {
      setMoreError(result.error);
      return;
    }
    setMore({ key, nodes: [...(extra?.nodes ?? []), ...next.nodes], pageInfo: next.pageInfo });
  }

  return {
    ...first,
    refetch,
    nodes: page ? [...page.nodes, ...(extra?.nodes ?? [])] : [],
    totalCount: page?.totalCount ?? 0,
    hasMore: !!pageInfo?.hasNextPage,
    showMore,
    loadingMore,
    moreError,
  };
}
