/* Copyright 2026 The After-Sales Suite Authors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
 *
 * T5, T6, F2, T20: the engineer's day on a phone (/my/day). Plain script, no
 * web client: the page holds every job; this script shows one screen at a
 * time (#job-<id>/<step>), keeps the day's data, the report drafts and a
 * queue of actions in the phone's storage (localStorage), and sends the
 * queue to /my/day/sync one action at a time, each under its own key, so a
 * sending repeated after a lost answer records nothing twice. The server
 * stamps its own time; the phone's clock goes along (phone_time). */
(function () {
    "use strict";

    // not application/json: Odoo 11 would route it as JSON-RPC
    var SYNC_TYPE = "application/vnd.aftersales.sync+json";
    var state = {data: null, queue: [], drafts: {}, flushing: false, prefix: ""};

    function $(selector, root) { return (root || document).querySelector(selector); }
    function $$(selector, root) {
        return Array.prototype.slice.call((root || document).querySelectorAll(selector));
    }
    function text(name) {
        var span = $('.o_my_day_texts [data-text="' + name + '"]');
        return span ? span.textContent : name;
    }
    function newKey() {
        var bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) {
            return ("0" + b.toString(16)).slice(-2);
        }).join("");
    }

    // ------------------------------------------------------------------
    // The phone's storage
    // ------------------------------------------------------------------
    function load(name, fallback) {
        try {
            var value = window.localStorage.getItem(state.prefix + name);
            return value ? JSON.parse(value) : fallback;
        } catch (e) {
            return fallback;
        }
    }
    function save(name, value) {
        try {
            window.localStorage.setItem(state.prefix + name, JSON.stringify(value));
            return true;
        } catch (e) {
            notice(text("storage"), "danger");
            return false;
        }
    }
    function persist() {
        save("data", state.data);
        save("drafts", state.drafts);
        return save("queue", state.queue);
    }

    // ------------------------------------------------------------------
    // Screens
    // ------------------------------------------------------------------
    function notice(message, kind) {
        var box = $(".o_my_day_notice");
        if (!box) { return; }
        box.className = "o_my_day_notice alert alert-" + (kind || "info");
        box.textContent = message;
        if (!message) { box.classList.add("hidden"); }
    }

    function route() {
        var hash = window.location.hash.replace(/^#/, "");
        var match = /^job-(\d+)(?:\/(\w+))?$/.exec(hash);
        var openId = state.data.open_id;
        if (!match && openId) { match = [null, String(openId), null]; }
        var list = $(".o_my_day_list");
        $$(".o_my_day_job").forEach(function (job) { job.classList.add("hidden"); });
        if (!match) {
            if (list) { list.classList.remove("hidden"); }
            window.scrollTo(0, 0);
            return;
        }
        var job = document.getElementById("job-" + match[1]);
        if (!job) { return; }
        if (list) { list.classList.add("hidden"); }
        job.classList.remove("hidden");
        var step = match[2] || "sheet";
        $$(".o_my_day_step", job).forEach(function (screen) {
            screen.classList.toggle("hidden", screen.dataset.step !== step);
        });
        $$(".o_my_day_steps a", job).forEach(function (link) {
            link.classList.toggle("active", link.dataset.step === step);
        });
        if (step === "sign") { fitPad(job); }
        window.scrollTo(0, 0);
    }

    function pending(id, action) {
        return state.queue.some(function (item) {
            return item.dispatch_id === id && (!action || item.action === action);
        });
    }

    function flags(id) {
        var d = state.data.dispatches[id];
        var checkIn = state.queue.filter(function (item) {
            return item.dispatch_id === id && item.action === "check_in";
        })[0];
        var f = {
            // F2: said on the check-in step, not only in a passing notice
            no_position: checkIn ? checkIn.values.latitude === undefined
                : d.arrived && !d.located,
            arrived: d.arrived || pending(id, "check_in"),
            departed: d.departed || pending(id, "check_out"),
            signed: d.signed || pending(id, "sign"),
            arrived_pending: pending(id, "check_in"),
            departed_pending: pending(id, "check_out"),
            signed_pending: pending(id, "sign"),
            pending: pending(id),
        };
        var current = d.state;
        if (current === "planned" && f.arrived) { current = "on_site"; }
        if (current === "on_site" && f.signed) { current = "done"; }
        f["state_" + current] = true;
        return f;
    }

    function render() {
        Object.keys(state.data.dispatches).forEach(function (id) {
            var f = flags(Number(id));
            $$('[data-dispatch-id="' + id + '"]').forEach(function (root) {
                $$("[data-if]", root).forEach(function (el) {
                    var cond = el.dataset.if;
                    var show = cond.charAt(0) === "!" ? !f[cond.slice(1)] : !!f[cond];
                    el.classList.toggle("hidden", !show);
                });
            });
            var d = state.data.dispatches[id];
            var job = document.getElementById("job-" + id);
            if (!job) { return; }
            var missing = $(".o_my_day_missing", job);
            missing.innerHTML = "";
            (d.missing || []).forEach(function (label) {
                var li = document.createElement("li");
                li.textContent = label;
                missing.appendChild(li);
            });
            $(".o_my_day_missing_box", job).classList.toggle(
                "hidden", !(d.missing || []).length || !d.arrived);
            var queued = state.queue.filter(function (item) {
                return item.dispatch_id === Number(id) && item.action === "photo";
            }).length;
            $(".o_my_day_photo_count", job).textContent = d.photos + queued;
            var conflict = state.queue.filter(function (item) {
                return item.dispatch_id === Number(id) && item.conflict;
            })[0];
            $(".o_my_day_conflict", job).classList.toggle("hidden", !conflict);
            if (conflict) { $(".o_my_day_conflict_text", job).textContent = conflict.conflict; }
        });
        var count = state.queue.length;
        var button = $(".o_my_day_sync_now");
        button.classList.toggle("hidden", !count);
        $(".o_my_day_pending_count").textContent = count;
        $$(".o_my_day_signal").forEach(function (el) {
            el.classList.toggle("hidden", (el.dataset.online === "1") !== navigator.onLine);
        });
    }

    function showError(id, message, missing) {
        var job = document.getElementById("job-" + id);
        if (!job) { notice(message, "danger"); return; }
        var box = $(".o_my_day_error", job);
        $(".o_my_day_error_text", box).textContent = message;
        var list = $(".o_my_day_error_missing", box);
        list.innerHTML = "";
        (missing || []).forEach(function (label) {
            var li = document.createElement("li");
            li.textContent = label;
            list.appendChild(li);
        });
        box.classList.toggle("hidden", !message);
    }

    // ------------------------------------------------------------------
    // The queue
    // ------------------------------------------------------------------
    function enqueue(id, action, values) {
        showError(id, "");
        state.queue.push({
            key: newKey(), dispatch_id: id, action: action, values: values,
            phone_time: new Date().toISOString(),
        });
        if (!persist()) {
            state.queue.pop();
            return;
        }
        render();
        if (!navigator.onLine) { notice(text("queued"), "warning"); }
        flush();
    }

    function send(item) {
        var body = JSON.stringify({
            key: item.key, dispatch_id: item.dispatch_id, action: item.action,
            values: item.values, phone_time: item.phone_time,
            version: item.version || state.data.dispatches[item.dispatch_id].version,
        });
        return window.fetch("/my/day/sync", {
            method: "POST", credentials: "same-origin", body: body,
            headers: {"Content-Type": SYNC_TYPE,
                      "X-CSRF-Token": window.odoo.csrf_token},
        }).then(function (response) {
            var type = response.headers.get("Content-Type") || "";
            if (type.indexOf("application/json") < 0) {
                return {status: 0};  // the login page: the session ended
            }
            return response.json().then(function (payload) {
                return {status: response.status, payload: payload};
            });
        });
    }

    function flush() {
        if (state.flushing) { return; }
        var item = state.queue.filter(function (candidate) {
            // a dispatch in conflict waits for the engineer's decision
            return !state.queue.some(function (other) {
                return other.conflict && other.dispatch_id === candidate.dispatch_id;
            });
        })[0];
        if (!item) { render(); return; }
        state.flushing = true;
        send(item).then(function (answer) {
            state.flushing = false;
            var payload = answer.payload || {};
            if (payload.dispatch) {
                if (answer.status !== 409) {
                    state.data.dispatches[item.dispatch_id] = payload.dispatch;
                } else {
                    item.server = payload.dispatch;
                }
            }
            if (answer.status === 200) {
                remove(item);
                var draft = state.drafts[item.dispatch_id];
                if (item.action === "report"
                        && JSON.stringify(draft) === JSON.stringify(item.values)) {
                    delete state.drafts[item.dispatch_id];  // the server has it
                }
                notice(payload.duplicate ? text("duplicate") : text("sent"), "success");
            } else if (answer.status === 409) {
                item.conflict = payload.error;
            } else if (answer.status === 0 || answer.status === 403) {
                persist();
                render();
                notice(answer.status ? payload.error : text("session"), "danger");
                return;
            } else {
                remove(item);
                showError(item.dispatch_id, text("refused") + " " + payload.error,
                          payload.dispatch && payload.dispatch.missing);
            }
            persist();
            render();
            flush();
        }, function () {
            // no signal: keep everything and try again when it returns
            state.flushing = false;
            render();
        });
    }

    function remove(item) {
        state.queue = state.queue.filter(function (other) { return other !== item; });
    }

    function resolveConflict(id, sendMine) {
        state.queue.forEach(function (item) {
            if (item.dispatch_id !== id || !item.conflict) { return; }
            state.data.dispatches[id] = item.server;
            if (sendMine) {
                delete item.conflict;
                delete item.server;
            }
        });
        if (!sendMine) {
            state.queue = state.queue.filter(function (item) {
                return !(item.dispatch_id === id && item.conflict);
            });
        }
        persist();
        render();
        flush();
    }

    // ------------------------------------------------------------------
    // The steps
    // ------------------------------------------------------------------
    function reportValues(job) {
        var form = $(".o_my_day_report", job);
        var values = {parts_used: {}};
        $$("textarea", form).forEach(function (area) { values[area.name] = area.value; });
        values.no_parts_used = $('[name="no_parts_used"]', form).checked;
        $$('input[name^="part-"]', form).forEach(function (box) {
            values.parts_used[box.name.slice(5)] = box.checked;
        });
        return values;
    }

    function restoreDraft(job, id) {
        var draft = state.drafts[id];
        if (!draft) { return; }
        var form = $(".o_my_day_report", job);
        Object.keys(draft).forEach(function (name) {
            if (name === "parts_used") {
                Object.keys(draft.parts_used).forEach(function (part) {
                    var box = $('[name="part-' + part + '"]', form);
                    if (box) { box.checked = draft.parts_used[part]; }
                });
            } else if (name === "no_parts_used") {
                $('[name="no_parts_used"]', form).checked = draft[name];
            } else {
                var area = $('textarea[name="' + name + '"]', form);
                if (area) { area.value = draft[name]; }
            }
        });
    }

    function checkIn(id) {
        var done = function (position) {
            var values = {};
            if (position) {
                values.latitude = position.coords.latitude;
                values.longitude = position.coords.longitude;
            } else {
                notice(text("no_position"), "warning");
            }
            enqueue(id, "check_in", values);
        };
        if (!navigator.geolocation) { done(null); return; }
        navigator.geolocation.getCurrentPosition(done, function () { done(null); },
            {timeout: 8000, maximumAge: 60000, enableHighAccuracy: true});
    }

    function resizedPhoto(file) {
        // a phone's photo resized to 1600 px as JPEG: it must fit in the
        // phone's storage while it waits for a signal
        return new Promise(function (resolve, reject) {
            var reader = new FileReader();
            reader.onerror = reject;
            reader.onload = function () {
                var image = new Image();
                image.onerror = function () { resolve(reader.result); };
                image.onload = function () {
                    var scale = Math.min(1, 1600 / Math.max(image.width, image.height));
                    var canvas = document.createElement("canvas");
                    canvas.width = Math.round(image.width * scale);
                    canvas.height = Math.round(image.height * scale);
                    canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
                    resolve(canvas.toDataURL("image/jpeg", 0.8));
                };
                image.src = reader.result;
            };
            reader.readAsDataURL(file);
        });
    }

    function addPhoto(job, id, input) {
        var file = input.files && input.files[0];
        if (!file) { return; }
        resizedPhoto(file).then(function (url) {
            var thumb = document.createElement("img");
            thumb.src = url;
            $(".o_my_day_thumbs", job).appendChild(thumb);
            enqueue(id, "photo", {name: file.name || "photo.jpg", data: url.split(",")[1]});
            input.value = "";
        });
    }

    // the signature pad: pointer strokes on a canvas
    function fitPad(job) {
        var pad = $(".o_my_day_pad", job);
        if (!pad || pad.dataset.fitted) { return; }
        var width = pad.parentNode.clientWidth;
        if (width) {
            pad.width = width;
            pad.dataset.fitted = "1";
        }
    }

    function bindPad(pad) {
        var context = pad.getContext("2d");
        var drawing = false;
        function point(event) {
            var box = pad.getBoundingClientRect();
            return [event.clientX - box.left, event.clientY - box.top];
        }
        pad.addEventListener("pointerdown", function (event) {
            drawing = true;
            pad.setPointerCapture(event.pointerId);
            context.lineWidth = 2.5;
            context.lineCap = "round";
            context.strokeStyle = "#111";
            context.beginPath();
            context.moveTo.apply(context, point(event));
            event.preventDefault();
        });
        pad.addEventListener("pointermove", function (event) {
            if (!drawing) { return; }
            context.lineTo.apply(context, point(event));
            context.stroke();
            pad.dataset.inked = "1";
            event.preventDefault();
        });
        ["pointerup", "pointercancel", "pointerleave"].forEach(function (name) {
            pad.addEventListener(name, function () { drawing = false; });
        });
    }

    function sign(job, id) {
        var pad = $(".o_my_day_pad", job);
        if (!pad.dataset.inked) {
            showError(id, text("empty_pad"));
            return;
        }
        // the report as typed goes first, so the signature finds it complete
        var values = reportValues(job);
        state.drafts[id] = values;
        enqueue(id, "report", values);
        enqueue(id, "sign", {
            signer: $(".o_my_day_signer", job).value,
            signature: pad.toDataURL("image/png").split(",")[1],
        });
    }

    function bindJob(job) {
        var id = Number(job.dataset.dispatchId);
        restoreDraft(job, id);
        $(".o_my_day_checkin", job).addEventListener("click", function () { checkIn(id); });
        $(".o_my_day_checkout", job).addEventListener("click", function () {
            enqueue(id, "check_out", {});
        });
        $(".o_my_day_report", job).addEventListener("input", function () {
            state.drafts[id] = reportValues(job);
            persist();
        });
        $(".o_my_day_save_report", job).addEventListener("click", function () {
            var values = reportValues(job);
            state.drafts[id] = values;
            enqueue(id, "report", values);
            $(".o_my_day_saved", job).classList.remove("hidden");
            if (!navigator.onLine) { notice(text("offline_missing"), "warning"); }
        });
        $(".o_my_day_photo", job).addEventListener("change", function (event) {
            addPhoto(job, id, event.target);
        });
        var pad = $(".o_my_day_pad", job);
        bindPad(pad);
        $(".o_my_day_pad_clear", job).addEventListener("click", function () {
            pad.getContext("2d").clearRect(0, 0, pad.width, pad.height);
            delete pad.dataset.inked;
        });
        $(".o_my_day_sign", job).addEventListener("click", function () { sign(job, id); });
        $(".o_my_day_conflict_send", job).addEventListener("click", function () {
            resolveConflict(id, true);
        });
        $(".o_my_day_conflict_drop", job).addEventListener("click", function () {
            resolveConflict(id, false);
        });
    }

    function start() {
        var fresh = JSON.parse($("#o_my_day_data").textContent);
        state.prefix = "aftersales.my_day." + fresh.db + "." + fresh.uid + ".";
        state.queue = load("queue", []);
        state.drafts = load("drafts", {});
        // the page's data is the server's; what still waits in the queue is
        // applied over it by flags()
        var kept = load("data", {dispatches: {}});
        Object.keys(kept.dispatches || {}).forEach(function (id) {
            if (!fresh.dispatches[id] && pending(Number(id))) {
                fresh.dispatches[id] = kept.dispatches[id];
            }
        });
        state.data = fresh;
        persist();
        $$(".o_my_day_job").forEach(bindJob);
        $(".o_my_day_sync_now").addEventListener("click", flush);
        window.addEventListener("hashchange", route);
        window.addEventListener("online", function () { notice(""); flush(); });
        window.addEventListener("offline", function () { render(); });
        window.setInterval(flush, 20000);
        route();
        render();
        flush();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
