odoo.define('aftersales_service.handbook_suggestions', function (require) {
"use strict";

/**
 * K1: while the customer describes a fault on the portal's fault form, the
 * approved handbook entries that match are shown under the description. The
 * server renders them (in the customer's language) for the chosen unit only;
 * this asks again once the customer stops typing. "This solved it" sends the
 * form with the entry: the report is recorded as solved with it.
 */
var DELAY = 400;  // ms after the last keystroke
var MIN_CHARS = 2;

$(function () {
    var $form = $('form.o_aftersales_report_form');
    if (!$form.length) {
        return;
    }
    var $description = $form.find('#description');
    var $box = $form.find('.o_aftersales_suggestions_box');
    var timer = null;
    var asked = null;
    var pending = null;

    function unitId() {
        return $form.data('unit-id') || $form.find('#unit_id').val();
    }

    function refresh() {
        var text = $.trim($description.val() || '');
        var unit = unitId();
        var key = unit + '|' + text;
        if (key === asked) {
            return;
        }
        asked = key;
        if (pending) {
            pending.abort();
        }
        if (!unit || text.length < MIN_CHARS) {
            $box.empty();
            return;
        }
        pending = $.get('/my/equipment/' + encodeURIComponent(unit) + '/handbook',
                        {text: text});
        pending.done(function (html) {
            $box.html(html);
        }).fail(function (xhr, status) {
            if (status !== 'abort') {
                $box.empty();
            }
        });
    }

    function later() {
        clearTimeout(timer);
        timer = setTimeout(refresh, DELAY);
    }

    $description.on('input', later);
    $form.find('#unit_id').on('change', later);
    $box.on('click', '.o_aftersales_solved_by_entry', function (ev) {
        var $button = $(ev.currentTarget);
        $button.prop('disabled', true);
        $form.find('input[name=handbook_entry_id]').val($button.data('entry-id'));
        // the entry's problem type stands in for an unchosen one
        $form[0].submit();
    });
    if ($.trim($description.val() || '')) {
        refresh();
    }
});

});
