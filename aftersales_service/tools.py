# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The small protocols the three addons share, each written once and found by
name: the groups' xml ids, who of a group is told, the company's language and
time zone of recorded facts, plausible facts (their refusals are the methods of the
``aftersales.facts`` model), row locks, the numbers of money documents, access
tokens and the portal's argument checks.

Plain functions over records or an environment; the ORM-side half of the
portal tokens is the ``aftersales.portal.mixin`` model."""
import functools
import uuid
from datetime import datetime, time, timedelta

import pytz
from psycopg2 import OperationalError, errorcodes, sql

from odoo import SUPERUSER_ID, fields
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tools import consteq

# ----------------------------------------------------------------------
# Groups
# ----------------------------------------------------------------------
GROUP_SERVICE_USER = "aftersales_service.group_aftersales_user"
GROUP_SUPERVISOR = "aftersales_service.group_aftersales_supervisor"
GROUP_SERVICE_MANAGER = "aftersales_service.group_aftersales_manager"
GROUP_GENERAL_MANAGER = "aftersales_service.group_aftersales_general_manager"
GROUP_QUALITY_USER = "aftersales_quality.group_quality_user"
GROUP_QUALITY_MANAGER = "aftersales_quality.group_quality_manager"
GROUP_QUALITY_ENGINEERING = "aftersales_quality.group_quality_engineering"
GROUP_FINANCE = "account.group_account_invoice"
GROUP_HR = "hr.group_hr_user"
GROUP_PURCHASE_MANAGER = "purchase.group_purchase_manager"


def group_users(env, group_xmlid):
    """The active users of a group who are people, not the superuser: those
    a job or an approval tells (a to-do for OdooBot helps no one)."""
    group = env.ref(group_xmlid).sudo()
    return group.users.filtered(lambda u: u.id != SUPERUSER_ID and u.active)


def sudo_as_author(records):
    """``records`` as superuser for what the user may not do directly, while
    the chatter still names the user as the author of what this posts (not
    the superuser's "Administrator"): see ``mail.message._get_default_author``."""
    if records.env.context.get("aftersales_author_id") \
            or records.env.uid == SUPERUSER_ID:
        return records.sudo()
    return records.sudo().with_context(
        aftersales_author_id=records.env.user.partner_id.id)


# ----------------------------------------------------------------------
# The company's language of recorded facts
# ----------------------------------------------------------------------
def company_lang(env, company=None):
    """P6: the one language facts are written in: the company's (its
    partner's language), not that of whoever triggers the fact (an
    engineer, a customer on the portal, a cron). Facts are stored once and
    read by staff who work in the company's language. The context key
    ``aftersales_facts_lang`` overrides it for data loaded before the
    addons' translations (demo)."""
    lang = env.context.get("aftersales_facts_lang")
    if not lang:
        company = company or env.user.company_id
        lang = company.sudo().partner_id.lang or "en_US"
    return lang


def in_company_lang(method):
    """Run a recordset method in the language of its first record's company
    (``company_lang``), so the texts it writes read the same whoever runs it."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        lang = company_lang(self.env, self[:1].company_id)
        if self.env.lang != lang:
            self = self.with_context(lang=lang)
        return method(self, *args, **kwargs)
    return wrapper


# ----------------------------------------------------------------------
# Plausible facts (F4)
# ----------------------------------------------------------------------
class FactError(ValidationError, UserError):
    """F4: an implausible fact refused. A ``ValidationError`` for the ORM,
    imports and the web client, and a ``UserError`` too: Odoo 11's XML-RPC
    answers a ``UserError`` with its message alone, any other error with a
    server traceback."""


def describe(record):
    """A record as a message names it: its kind (the model's name, in the
    user's language) and its own name, e.g. "Service Ticket HT00042"; a money
    document refused before it has its number is named as new, never "/"
    (written once in ``aftersales.facts._describe``)."""
    return record.env["aftersales.facts"]._describe(record)


def company_tz(record, company=None):
    """F1: the name of the time zone facts are dated in: the company's (its
    partner's, a setting), else the user's, else UTC."""
    company = company or record.env.user.company_id
    return (record.env["res.company"]._aftersales_tz(company.id)
            or record.env.context.get("tz") or record.env.user.sudo().tz or "UTC")


def in_company_tz(record, company=None):
    """F1: ``record`` with the company's time zone in its context, so that
    what it renders (a report, a portal page) shows the company's time."""
    return record.with_context(tz=company_tz(record, company))


def company_today(record, company=None):
    """F1: today's date in the company's time zone, whoever asks."""
    return company_date(record, fields.Datetime.now(), company)


def company_date(record, value, company=None):
    """F1: the company's local date of a stored (UTC) datetime: the day a
    fact happened, never ``value[:10]`` (the day in UTC)."""
    if not value:
        return False
    local = fields.Datetime.context_timestamp(
        in_company_tz(record, company), fields.Datetime.from_string(value))
    return fields.Date.to_string(local.date())


def company_time(record, value, company=None):
    """F1: a stored (UTC) datetime as the company's local time, to quote it."""
    local = fields.Datetime.context_timestamp(
        in_company_tz(record, company), fields.Datetime.from_string(value))
    return local.strftime("%Y-%m-%d %H:%M")


def company_day_bounds(record, company=None, day=None):
    """F1: the UTC (start, stop) strings of ``day`` (a date string; today by
    default) in the company's time zone, to search the facts of the
    company's day."""
    company = (company or record.env.user.company_id).sudo()
    # the zone company_today dates the day in, so the bounds fit the day
    tz = pytz.timezone(company_tz(record, company))
    start = tz.localize(datetime.combine(
        fields.Date.from_string(day or company_today(record, company)), time()))
    return tuple(fields.Datetime.to_string(
        value.astimezone(pytz.utc).replace(tzinfo=None))
        for value in (start, start + timedelta(days=1)))


# ----------------------------------------------------------------------
# Row locks
# ----------------------------------------------------------------------
# another transaction holds the row, or changed it since this one began
BUSY = (errorcodes.LOCK_NOT_AVAILABLE, errorcodes.SERIALIZATION_FAILURE)


def lock_rows(records, message=None):
    """Lock the rows of ``records`` until the transaction ends, for actions
    and jobs that two people (or two job runs) may start at the same moment:
    the first one works, the other gets a clear message or leaves the rows.

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


# ----------------------------------------------------------------------
# Numbers of money documents
# ----------------------------------------------------------------------
# the name of a money document until ``assign_number`` gives it its number
NO_NUMBER = "/"


def assign_number(record, code, field="name"):
    """Give a money document (receipt, return request, fine) its number from
    its ``no_gap`` sequence once ``create`` has passed every check, so that a
    refused entry consumes no number, even when the refusal is caught in the
    same transaction: the numbers follow each other without a gap.

    The number is the sequence's, not anyone's change: it is written in SQL,
    without the model's write checks or a tracking line. The sequence row
    stays locked until the transaction ends (``no_gap``), hence drawn last.
    Returns the number (False without a sequence for ``code``)."""
    number = record.env["ir.sequence"].sudo().with_context(
        force_company=record.company_id.id).next_by_code(code)
    if number:
        cr = record.env.cr
        query = sql.SQL("UPDATE {} SET {} = %s WHERE id = %s").format(
            sql.Identifier(record._table), sql.Identifier(field))
        cr.execute(query.as_string(cr._obj), (number, record.id))
        record.invalidate_cache([field], record.ids)
    return number


# ----------------------------------------------------------------------
# Access tokens and the portal's arguments
# ----------------------------------------------------------------------
def new_token():
    """A fresh secret for an e-mailed link."""
    return str(uuid.uuid4())


def token_matches(stored, given):
    """Compare an access token in constant time; an empty stored token never
    matches (tokens are made on demand, not for every record)."""
    if not stored or not given or not isinstance(given, str):
        return False
    return consteq(stored.encode("utf-8"), given.encode("utf-8", "replace"))


def to_int(value):
    """An id from a request argument; 0 for anything that is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def user_can(record, operation="read"):
    """Whether the current user may do ``operation`` on ``record`` by its
    access rights and record rules."""
    if not record.check_access_rights(operation, raise_exception=False):
        return False
    try:
        record.check_access_rule(operation)
    except (AccessError, MissingError):
        return False
    return True
