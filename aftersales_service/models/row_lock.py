# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Row locks for actions and jobs that two people (or two job runs) may start
at the same moment (issue #10): the first one works, the other one gets a
clear message (actions) or leaves the rows to the first one (jobs), instead of
a second effect or a raw serialization failure."""
from psycopg2 import OperationalError, errorcodes, sql

from odoo.exceptions import UserError

# another transaction holds the row, or changed it since this one began
BUSY = (errorcodes.LOCK_NOT_AVAILABLE, errorcodes.SERIALIZATION_FAILURE)


def lock_rows(records, message=None):
    """Lock the rows of ``records`` until the transaction ends.

    With ``message``: a row that another transaction holds or has changed
    meanwhile raises a ``UserError`` with that message. Without: such rows are
    left to the other transaction and only the rows locked are returned.
    The records locked are read again from the database.
    """
    if not records:
        return records
    query = sql.SQL("SELECT id FROM {} WHERE id IN %s FOR UPDATE {}").format(
        sql.Identifier(records._table),
        sql.SQL("NOWAIT" if message else "SKIP LOCKED"))
    cr = records.env.cr
    try:
        with cr.savepoint():
            cr.execute(query.as_string(cr._obj), (tuple(records.ids),),
                       log_exceptions=False)
            ids = [row[0] for row in cr.fetchall()]
    except OperationalError as error:
        if error.pgcode not in BUSY:
            raise
        if message:
            raise UserError(message)
        return records.browse()
    locked = records.browse(ids)
    locked.invalidate_cache(ids=ids)
    return locked
