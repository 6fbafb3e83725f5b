# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""C1: what customers upload is checked by its content, and nothing stored on
a service record runs when staff open it."""
import base64
import os

from odoo import _, api, models
from odoo.tools.mimetypes import guess_mimetype

# the types customers may upload, by what the content is (not what the
# browser declares), with the extension the file is stored under
UPLOAD_IMAGES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
                 "image/bmp": ".bmp"}
UPLOAD_DOCUMENTS = dict(UPLOAD_IMAGES, **{
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
})
MAX_NAME_CHARS = 128


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _check_contents(self, values):
        """Odoo serves HTML, SVG and XML files as text only when a
        non-administrator uploads them; a file on a service record (a
        customer's, created as superuser by the portal or the mail gateway)
        is served as text whoever stored it."""
        values = super()._check_contents(values)
        mimetype = values.get("mimetype") or ""
        model = values.get("res_model") or ""
        if ("ht" in mimetype or "xml" in mimetype or "javascript" in mimetype) \
                and (model == "helpdesk.ticket" or model.startswith("aftersales.")):
            values["mimetype"] = "text/plain"
        return values

    @api.model
    def _aftersales_upload_error(self, name, data, images_only=False):
        """Why the customer's file ``name`` (bytes ``data``) is refused, in the
        user's language, or None."""
        allowed = UPLOAD_IMAGES if images_only else UPLOAD_DOCUMENTS
        if guess_mimetype(data) not in allowed:
            if images_only:
                return _("%s is not a photo: attach image files only (JPEG, "
                         "PNG, GIF).") % name
            return _("%s cannot be attached: attach photos (JPEG, PNG, GIF), "
                     "PDF or office documents only; web pages, SVG drawings "
                     "and scripts are refused.") % name
        limit = self.env.user.company_id.sudo().aftersales_upload_max_mb
        if limit and len(data) > limit * 1024 * 1024:
            return _("%(name)s is larger than %(limit)s MB: attach a smaller "
                     "file.") % {"name": name, "limit": limit}
        return None

    @api.model
    def _aftersales_upload(self, record, name, data):
        """Store a checked customer file on ``record`` (as superuser: the
        customer cannot write the record) under the type its content has,
        with a name that ends as that type does."""
        mimetype = guess_mimetype(data)
        extension = UPLOAD_DOCUMENTS.get(mimetype, ".bin")
        stem = os.path.splitext(os.path.basename(
            (name or "").replace("\\", "/")))[0][:MAX_NAME_CHARS] or "file"
        filename = stem + extension
        return self.sudo().create({
            "name": filename, "datas_fname": filename,
            "datas": base64.b64encode(data), "mimetype": mimetype,
            "res_model": record._name, "res_id": record.id,
        })
