odoo.define('aftersales_service.role_screens', function (require) {
"use strict";

/**
 * What each role clicks every day (issue "every role's screens"):
 * - a to-do in the systray opens its record (the server picks the form of
 *   the one record, else a list), not a bare kanban of the model;
 * - a year is shown without thousands separators ("2028", not "2,028");
 * - the suite's calendars get a Create button (their template has none);
 * - a to-do marked done in a form's chatter reloads the whole record, since
 *   marking it done may write on the record (T9: the follow-up's outcome).
 */
var basicFields = require('web.basic_fields');
var Chatter = require('mail.Chatter');
var fieldRegistry = require('web.field_registry');
var session = require('web.session');
var systray = require('mail.systray');

systray.ActivityMenu.include({
    /**
     * @override: the server's action for the clicked group of to-dos, in the
     * user's language and time zone (its title, and "today" for the groups).
     */
    _onActivityFilterClick: function (event) {
        var self = this;
        var data = _.extend({}, $(event.currentTarget).data(), $(event.target).data());
        this._rpc({
            model: 'mail.activity',
            method: 'aftersales_open_activities',
            args: [data.res_model, data.filter],
            kwargs: {context: session.user_context},
        }).then(function (action) {
            self.do_action(action);
        });
    },
});

Chatter.include({
    /**
     * @override: after a change of the to-dos the whole record is read again
     * (what is being typed is kept), not only the chatter's fields: the
     * follow-up to-do marked done has written its outcome on the ticket.
     */
    _onReloadMailFields: function (event) {
        if (event.data.activity) {
            this.trigger_up('reload', {keepChanges: true});
            return;
        }
        return this._super.apply(this, arguments);
    },
});

var FieldYear = basicFields.FieldInteger.extend({
    /**
     * @override: the digits only.
     */
    _formatValue: function (value) {
        if (!value && value !== 0) {
            return '';
        }
        return String(value);
    },
});
fieldRegistry.add('aftersales_year', FieldYear);

return {FieldYear: FieldYear};
});
