"""Alembic environment for csdesk: runs on the connection the app hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from csdesk.core.models import Base, UTCDateTime

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Render csdesk's UTCDateTime as a plain DateTime: migrations must not import the app."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line, for developers: ``alembic -x url=sqlite:///x.db ...``
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///csdesk-dev.sqlite3")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
