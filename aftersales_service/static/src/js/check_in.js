odoo.define('aftersales_service.check_in', function (require) {
"use strict";

/**
 * "Check In" on an on-site dispatch (F2): the server stamps the time and the
 * user; this adds where the browser is, when the engineer allows it, so that
 * the dispatch shows the distance to the customer. Refused, unavailable or
 * too slow: the check-in goes on without a position. Any form button with the
 * class o_aftersales_geolocate sends the position in its context.
 */
var Context = require('web.Context');
var FormController = require('web.FormController');

var GEOLOCATE_CLASS = 'o_aftersales_geolocate';
var TIMEOUT = 8000;  // ms the browser may take to find its position

/**
 * The browser's coordinates, or null; never rejected. The extra delay covers
 * a permission prompt left unanswered, which the browser's timeout ignores.
 */
function currentCoordinates() {
    var def = $.Deferred();
    if (!navigator.geolocation) {
        return def.resolve(null);
    }
    var timer = setTimeout(function () { def.resolve(null); }, TIMEOUT + 2000);
    navigator.geolocation.getCurrentPosition(function (position) {
        clearTimeout(timer);
        def.resolve(position.coords);
    }, function () {
        clearTimeout(timer);
        def.resolve(null);
    }, {enableHighAccuracy: true, timeout: TIMEOUT, maximumAge: 60000});
    return def.promise();
}

FormController.include({
    /**
     * @override
     */
    _callButtonAction: function (attrs, record) {
        var classes = (attrs.class || '').split(/\s+/);
        if (!_.contains(classes, GEOLOCATE_CLASS)) {
            return this._super.apply(this, arguments);
        }
        var callAction = this._super.bind(this);
        return currentCoordinates().then(function (coords) {
            if (coords) {
                attrs = _.extend({}, attrs, {
                    context: new Context(attrs.context || {}, {
                        aftersales_latitude: coords.latitude,
                        aftersales_longitude: coords.longitude,
                    }),
                });
            }
            return callAction(attrs, record);
        });
    },
});

return {currentCoordinates: currentCoordinates};
});
