"""Ralph's LRS API with its file backend appending (imported by uvicorn in .venv-ralph, not by the
platform). Ralph's fs backend is meant for development: it writes each POST as a new file and
refuses a second write to its one statements file ("already exists and overwrite is not allowed
with operation_type create or index"), so every POST after the first would get a 500. Appending
keeps every statement in that file, which is what an LRS does; validation, authentication,
duplicate-id checks and the statements resource are Ralph's own, unchanged."""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402 - after the backend is told to append

__all__ = ["app"]
