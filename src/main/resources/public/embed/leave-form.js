/*
 * Open Attendance: leave-of-absence request form for a school's own website.
 *   <div id="leave-form"></div>
 *   <script src="https://attendance.example.org/embed/leave-form.js" data-school="123" data-target="leave-form"></script>
 * The page's origin must be one of the school's allowed origins (the service refuses others). The parent proves who
 * they are with a one-time code sent to the mobile number the school holds, then asks for leave for one child:
 * dates (whole days, or from a morning or afternoon), the ground, the reason and any supporting documents.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script.src).origin;
  var school = script.getAttribute("data-school");
  var api = base + "/api/v1/public/schools/" + encodeURIComponent(school) + "/parent";
  var host = document.getElementById(script.getAttribute("data-target") || "") || script.parentNode.insertBefore(document.createElement("div"), script);
  var state = { challenge: null, token: null };
  var GROUNDS = [
    ["EXCEPTIONAL_CIRCUMSTANCES", "Exceptional circumstances"],
    ["PERFORMANCE_OR_EMPLOYMENT_ABROAD", "A performance or employment abroad (with a licence)"],
    ["INTERVIEW", "An interview (school, college, apprenticeship or job)"],
    ["STUDY_LEAVE", "Study leave"],
    ["PART_TIME_TIMETABLE", "A part-time timetable"],
    ["RELIGIOUS_OBSERVANCE", "A day of religious observance"],
    ["PARENT_TRAVELLING_FOR_WORK", "Travelling with a parent for their work"]
  ];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }

  function field(form, label, input) {
    var l = el("label", {}, label);
    l.appendChild(document.createElement("br"));
    l.appendChild(input);
    form.appendChild(l);
    form.appendChild(document.createElement("br"));
    return input;
  }

  function explain(r, json) {
    if (!json) { return "The school's service answered " + r.status + ". Please try again or contact the school office."; }
    var first = json.errors && json.errors[0] ? " (" + json.errors[0].field + ": " + json.errors[0].expected + ")" : "";
    return (json.detail || json.title || ("Error " + r.status)) + first;
  }

  function send(method, path, body, isForm) {
    var headers = { "Accept": "application/json" };
    if (!isForm) { headers["Content-Type"] = "application/json"; }
    if (state.token) { headers.Authorization = "Bearer " + state.token; }
    return fetch(api + path, { method: method, headers: headers, body: body ? (isForm ? body : JSON.stringify(body)) : undefined }).then(function (r) {
      return r.text().then(function (t) {
        var json = null;
        try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
        if (!r.ok) { throw new Error(explain(r, json)); }
        return json;
      });
    }, function () {
      throw new Error("This form could not reach the school's attendance service from this page. Please contact the school office.");
    });
  }

  function screen(title) {
    host.innerHTML = "";
    host.appendChild(el("h3", {}, title));
    var message = el("p", { role: "alert", "data-role": "message" });
    host.appendChild(message);
    var form = el("form", {});
    host.appendChild(form);
    form.fail = function (e) { message.textContent = e.message; };
    return form;
  }

  function askForCode() {
    var form = screen("Ask for leave of absence");
    form.appendChild(el("p", {}, "Leave in term time is granted only in exceptional circumstances. The headteacher decides, and we will write to you."));
    var mobile = field(form, "Your mobile number (the one the school has)", el("input", { name: "mobile", type: "tel", autocomplete: "tel" }));
    form.appendChild(el("button", { type: "submit", name: "send-code" }, "Send me a code"));
    form.onsubmit = function (ev) {
      ev.preventDefault();
      send("POST", "/sign-in", { mobile: mobile.value }).then(function (c) { state.challenge = c.challenge; enterCode(c.sentTo); }).catch(form.fail);
    };
  }

  function enterCode(sentTo) {
    var form = screen("Enter your code");
    form.appendChild(el("p", {}, "We have sent a 6-digit code to your " + sentTo + "."));
    var code = field(form, "Code", el("input", { name: "code", inputmode: "numeric", autocomplete: "one-time-code" }));
    form.appendChild(el("button", { type: "submit", name: "verify" }, "Continue"));
    form.onsubmit = function (ev) {
      ev.preventDefault();
      send("POST", "/verify", { challenge: state.challenge, code: code.value }).then(function (s) { state.token = s.accessToken; ask(); }).catch(form.fail);
    };
  }

  function sessionSelect(name, first) {
    var s = el("select", { name: name });
    s.appendChild(el("option", { value: first ? "AM" : "PM" }, first ? "from the morning" : "to the end of the day"));
    s.appendChild(el("option", { value: first ? "PM" : "AM" }, first ? "from the afternoon" : "to the end of the morning"));
    return s;
  }

  function ask() {
    var form = screen("Your request");
    send("GET", "/children").then(function (children) {
      var child = field(form, "Which child", el("select", { name: "pupil" }));
      children.forEach(function (c) { child.appendChild(el("option", { value: String(c.pupilId) }, c.name)); });
      var first = field(form, "First day", el("input", { name: "firstDate", type: "date" }));
      var firstSession = field(form, "Starting", sessionSelect("firstSession", true));
      var last = field(form, "Last day", el("input", { name: "lastDate", type: "date" }));
      var lastSession = field(form, "Until", sessionSelect("lastSession", false));
      var ground = field(form, "Why leave is needed", el("select", { name: "ground" }));
      GROUNDS.forEach(function (g) { ground.appendChild(el("option", { value: g[0] }, g[1])); });
      var festival = field(form, "The festival or day (religious observance only)", el("input", { name: "festival", maxlength: "100" }));
      var reason = field(form, "Tell the headteacher more", el("textarea", { name: "reason", maxlength: "2000" }));
      var files = field(form, "Supporting documents (PDF, JPEG or PNG, up to 4 MB each)", el("input", { name: "documents", type: "file",
        multiple: "multiple", accept: "application/pdf,image/jpeg,image/png" }));
      form.appendChild(el("button", { type: "submit", name: "request" }, "Send request"));
      form.onsubmit = function (ev) {
        ev.preventDefault();
        send("POST", "/leave-requests", { pupilId: Number(child.value), firstDate: first.value, firstSession: firstSession.value,
          lastDate: last.value, lastSession: lastSession.value, ground: ground.value, festival: festival.value || null, reason: reason.value })
          .then(function (request) {
            var uploads = Array.prototype.map.call(files.files || [], function (f) {
              var data = new FormData();
              data.append("file", f, f.name);
              return send("POST", "/leave-requests/" + request.id + "/documents", data, true);
            });
            return Promise.all(uploads).then(function () { return request; });
          }).then(function (request) {
            var done = screen("Request sent");
            done.appendChild(el("p", { "data-role": "done", "data-request": String(request.id) }, "Your request for " + request.pupilName + " ("
              + request.schoolDays + " school days from " + request.firstDate + ") has been sent to the headteacher. We will write to you with the decision."));
          }).catch(form.fail);
      };
    }).catch(form.fail);
  }

  askForCode();
})();
