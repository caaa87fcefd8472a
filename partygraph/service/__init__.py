"""The service layer: each area's operations (checks, then named statements, batched per
request). Below the GraphQL layer: nothing here knows Strawberry's types or GraphQL errors."""
