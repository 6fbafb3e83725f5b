odoo.define('aftersales_service.signature_widget', function (require) {
"use strict";

/**
 * Customer signature drawn in the form (T6): Odoo 11 has no backend signature
 * widget, so this one puts the jSignature pad Odoo ships (used by the portal's
 * "Accept & Sign") on a binary image field. Read-only, it shows the image.
 */
var basic_fields = require('web.basic_fields');
var core = require('web.core');
var field_registry = require('web.field_registry');

var _t = core._t;
var WIDTH = 400;
var HEIGHT = 150;

var FieldSignature = basic_fields.FieldBinaryImage.extend({
    events: _.extend({}, basic_fields.FieldBinaryImage.prototype.events, {
        'click .o_aftersales_signature_clear': '_onClear',
    }),

    _render: function () {
        if (this.mode !== 'edit') {
            return this._super.apply(this, arguments);
        }
        this.$el.empty();
        var $pad = $('<div class="o_aftersales_signature_pad"/>').css({
            border: '1px solid #ccc', width: WIDTH + 'px', height: HEIGHT + 'px',
        });
        var $clear = $('<button type="button" class="btn btn-sm btn-default ' +
                       'o_aftersales_signature_clear"/>').text(_t("Clear"));
        this.$el.append($pad, $('<div/>').append($clear));
        this._initPad($pad);
    },

    /**
     * jSignature draws nothing on a pad outside the document or hidden in a
     * closed notebook page: wait until the pad is shown.
     */
    _initPad: function ($pad) {
        var self = this;
        clearTimeout(this._padTimer);
        if (!$.contains(document.documentElement, $pad[0]) || !$pad.is(':visible')) {
            this._padTimer = setTimeout(function () { self._initPad($pad); }, 200);
            return;
        }
        $pad.jSignature({
            'decor-color': 'transparent', 'background-color': '#FFF',
            'color': '#000', 'lineWidth': 2, 'width': WIDTH, 'height': HEIGHT,
        });
        $pad.on('change', function () {
            var data = $pad.jSignature('getData', 'image');
            if (data && data[1]) {
                self._setValue(data[1]);
            }
        });
    },

    /**
     * A change made on this pad must not redraw it: that would wipe the
     * strokes drawn so far.
     */
    reset: function (record, event) {
        if (event && event.target === this && this.mode === 'edit') {
            this._reset(record, event);
            return $.when();
        }
        return this._super.apply(this, arguments);
    },

    destroy: function () {
        clearTimeout(this._padTimer);
        this._super.apply(this, arguments);
    },

    _onClear: function () {
        this.$('.o_aftersales_signature_pad').jSignature('reset');
        this._setValue(false);
    },
});

field_registry.add('aftersales_signature', FieldSignature);

return FieldSignature;
});
