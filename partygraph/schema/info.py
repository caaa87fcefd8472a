"""What every field resolver is given: Strawberry's `Info`, its context the request's
(partygraph.service.context.Context: the graph, the viewer, the batch loaders)."""

from strawberry.types import Info

from partygraph.service.context import Context

AppInfo = Info[Context, None]
