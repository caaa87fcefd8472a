"""App factories that scripts/bench_api.py serves with `uvicorn --factory` (settings from the
environment): `api`, the service as built, and `naive`, the same service whose batch loaders
send one statement per parent. Importable from another checkout (PYTHONPATH=<checkout>): only
`create_app` and `Loaders`' use of DataLoader are assumed."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

from starlette.applications import Starlette
from strawberry.dataloader import DataLoader


def _build() -> Starlette:
    import partygraph.app as app_module

    # The project's own factory where there is one (what `partygraph serve --workers` runs).
    factory = getattr(app_module, "factory", None)
    if factory is not None and not any(
        p.default is inspect.Parameter.empty for p in inspect.signature(factory).parameters.values()
    ):
        built: Starlette = factory()
        return built
    from partygraph.config import Settings
    from partygraph.connection import connection_for

    settings = Settings()
    return app_module.create_app(settings, connection_for(settings, start_engine=False))


def api() -> Starlette:
    return _build()


# Statements of naive resolvers in flight at once, per process. Unbounded, a level of a few
# hundred parents waits on the driver's pool (100 connections) past its acquisition timeout
# (10 s) on a loaded machine and fails; queueing here waits instead, as a pool would.
NAIVE_IN_FLIGHT = 32
_in_flight: asyncio.Semaphore | None = None


class OneByOne(DataLoader[Any, Any]):
    """A DataLoader that never batches: each key is a statement of its own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        load = kwargs.pop("load_fn", None) or args[0]

        async def one(keys: list[Any]) -> list[Any]:
            global _in_flight
            if _in_flight is None:
                _in_flight = asyncio.Semaphore(NAIVE_IN_FLIGHT)
            async with _in_flight:
                result: list[Any] = await load(keys)
                return result

        kwargs["max_batch_size"] = 1
        super().__init__(one, *args[1:], **kwargs)


def naive() -> Starlette:
    # A measurement tool, not a test: per-parent resolvers are the batch loaders unbatched.
    from partygraph.service import context

    context.DataLoader = OneByOne  # type: ignore[misc]
    return _build()


def uses_project_factory() -> bool:
    import partygraph.app as app_module

    return getattr(app_module, "factory", None) is not None
