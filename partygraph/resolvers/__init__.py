"""Resolver functions: they fetch rows through named statements, batched per request."""
