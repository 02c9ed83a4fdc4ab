/*
 * Open Attendance: absence-report form for a school's own website.
 *   <div id="absence-form"></div>
 *   <script src="https://attendance.example.org/embed/absence-form.js" data-school="123" data-target="absence-form"></script>
 * The page's origin must be one of the school's allowed origins. The parent proves who they are with a one-time code
 * sent to the mobile number or email the school holds, then reports one or more of their children absent.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script.src).origin;
  var school = script.getAttribute("data-school");
  var api = base + "/api/v1/public/schools/" + encodeURIComponent(school) + "/parent";
  var host = document.getElementById(script.getAttribute("data-target") || "") || script.parentNode.insertBefore(document.createElement("div"), script);
  var state = { challenge: null, token: null };

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

  function call(method, path, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (state.token) { headers.Authorization = "Bearer " + state.token; }
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.text().then(function (t) {
        var json = t ? JSON.parse(t) : null;
        if (!r.ok) {
          var first = json && json.errors && json.errors[0] ? " (" + json.errors[0].field + ": " + json.errors[0].expected + ")" : "";
          throw new Error((json && (json.detail || json.title)) + first || ("Error " + r.status));
        }
        return json;
      });
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
    var form = screen("Report an absence");
    var mobile = field(form, "Your mobile number (the one the school has)", el("input", { name: "mobile", type: "tel", autocomplete: "tel" }));
    form.appendChild(el("button", { type: "submit", name: "send-code" }, "Send me a code"));
    form.onsubmit = function (ev) {
      ev.preventDefault();
      call("POST", "/sign-in", { mobile: mobile.value }).then(function (c) { state.challenge = c.challenge; enterCode(c.sentTo); }).catch(form.fail);
    };
  }

  function enterCode(sentTo) {
    var form = screen("Enter your code");
    form.appendChild(el("p", {}, "We have sent a 6-digit code to your " + sentTo + "."));
    var code = field(form, "Code", el("input", { name: "code", inputmode: "numeric", autocomplete: "one-time-code" }));
    form.appendChild(el("button", { type: "submit", name: "verify" }, "Continue"));
    form.onsubmit = function (ev) {
      ev.preventDefault();
      call("POST", "/verify", { challenge: state.challenge, code: code.value }).then(function (s) { state.token = s.accessToken; report(); }).catch(form.fail);
    };
  }

  function report() {
    var form = screen("Which children, when and why?");
    call("GET", "/children").then(function (children) {
      children.forEach(function (c) {
        var box = el("input", { type: "checkbox", name: "pupil", value: String(c.pupilId) });
        var l = el("label", {});
        l.appendChild(box);
        l.appendChild(document.createTextNode(" " + c.name));
        form.appendChild(l);
        form.appendChild(document.createElement("br"));
      });
      var today = new Date().toISOString().slice(0, 10);
      var first = field(form, "First day of absence", el("input", { name: "firstDate", type: "date", value: today }));
      var back = field(form, "Expected back (leave empty if just today)", el("input", { name: "expectedReturn", type: "date" }));
      var category = field(form, "Reason", el("select", { name: "category" }));
      [["ILLNESS", "Illness"], ["MEDICAL_APPOINTMENT", "Medical or dental appointment"], ["RELIGIOUS_OBSERVANCE", "Religious observance"],
       ["LATE_ARRIVAL", "Coming in late"], ["OTHER", "Something else"]].forEach(function (o) {
        category.appendChild(el("option", { value: o[0] }, o[1]));
      });
      var reason = field(form, "Tell us a little more", el("textarea", { name: "reason", maxlength: "1000" }));
      form.appendChild(el("button", { type: "submit", name: "report" }, "Send"));
      form.onsubmit = function (ev) {
        ev.preventDefault();
        var ids = Array.prototype.filter.call(form.querySelectorAll("input[name=pupil]"), function (b) { return b.checked; })
          .map(function (b) { return Number(b.value); });
        call("POST", "/absence-reports?channel=WEB_FORM", { pupilIds: ids, firstDate: first.value, expectedReturn: back.value || null,
          category: category.value, reason: reason.value }).then(function (r) {
          var done = screen("Thank you");
          done.appendChild(el("p", { "data-role": "done" }, "We have recorded the absence of " + r.map(function (x) { return x.pupilName; }).join(" and ")
            + ". You do not need to phone as well."));
        }).catch(form.fail);
      };
    }).catch(form.fail);
  }

  askForCode();
})();
