odoo.define('aftersales_service.portal_chatter_dates', function (require) {
'use strict';

/**
 * F1: the portal's message history reads its times to the minute
 * (2026-12-07 09:30), as the rest of the suite's pages, in the visitor's
 * browser time; portal's own format shows the seconds.
 */
var core = require('web.core');
var time = require('web.time');
var PortalChatter = require('portal.chatter').PortalChatter;

var _t = core._t;

PortalChatter.include({
    preprocessMessages: function (messages) {
        messages = this._super.apply(this, arguments);
        _.each(messages, function (message) {
            message.published_date_str = _.str.sprintf(
                _t('Published on %s'),
                moment(time.str_to_datetime(message.date)).format('YYYY-MM-DD HH:mm'));
        });
        return messages;
    },
});

});
