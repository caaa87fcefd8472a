"""`python -m partygraph` is the `partygraph` command."""

from partygraph.cli import app

app()
