// Apollo Client's relayStylePagination against the served API: page 1, then fetchMore with its
// endCursor (forward), and the last page, then fetchMore before its startCursor (backward).
// Prints what the cache answers after each step as JSON, for tests/test_relay.py to check.
// Usage: node apollo_pagination.mjs URL TOKEN COMMUNITY_ID PAGE_SIZE
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

// The packages are pinned in tools/web (package-lock.json), not beside the tests.
const here = path.dirname(fileURLToPath(import.meta.url));
const web = createRequire(path.join(here, '../../../tools/web/package.json'));
const { ApolloClient, HttpLink, InMemoryCache, gql } = web('@apollo/client');
const { relayStylePagination } = web('@apollo/client/utilities');

const [url, token, communityId, size] = process.argv.slice(2);

const MEMBERS = gql`
  query Members($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    community(id: $id) {
      id
      unreportedMembers(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { id name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`;

function client() {
  return new ApolloClient({
    link: new HttpLink({ uri: `${url}/graphql`, headers: { authorization: `Bearer ${token}` } }),
    cache: new InMemoryCache({
      typePolicies: { Community: { fields: { unreportedMembers: relayStylePagination() } } },
    }),
  });
}

function shown(result) {
  const members = result.data.community.unreportedMembers;
  return {
    totalCount: members.totalCount,
    ids: members.edges.map((edge) => edge.node.id),
    cursors: members.edges.map((edge) => edge.cursor),
    pageInfo: members.pageInfo,
  };
}

// What a component would render: each complete result the watched query emits, in turn.
async function pages(first, second) {
  const watched = client().watchQuery({ query: MEMBERS, variables: { id: communityId, ...first } });
  const waiting = [];
  const subscription = watched.subscribe({
    next: (result) => !result.loading && waiting.shift()?.resolve(result),
    error: (error) => waiting.shift()?.reject(error),
  });
  const emitted = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  try {
    const one = shown(await emitted());
    const rendered = emitted();
    const page = shown(await watched.fetchMore({ variables: second(one.pageInfo) }));
    const merged = shown(await rendered);
    return { one, page, merged };
  } finally {
    subscription.unsubscribe();
  }
}

const n = Number(size);
const forward = await pages({ first: n }, (info) => ({ first: n, after: info.endCursor }));
const backward = await pages({ last: n }, (info) => ({ last: n, before: info.startCursor }));
process.stdout.write(JSON.stringify({ forward, backward }) + '\n');
