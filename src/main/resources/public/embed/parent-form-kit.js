/*
 * Open Attendance: what the embedded parents' forms share (absence-form.js, leave-form.js). A school never pastes this
 * file: each form's own script tag loads it from the same address, once per page however many forms the page holds.
 *
 * Each form lives in a shadow root, so the school's CSS cannot reach it and its CSS cannot reach the school's page.
 * Only inherited properties cross a shadow boundary; the wrapper resets them all, so even `* { color: white !important }`
 * on the page leaves the form readable. The markup follows WCAG 2.2 AA: every control has a label, groups have a
 * fieldset and legend, errors sit beside their field (aria-invalid, aria-describedby) and are announced, each new step
 * takes focus at its heading, and every target is at least 44 by 44 CSS pixels.
 */
(function () {
  "use strict";
  if (window.OpenAttendanceEmbed) { return; }

  // Colours are checked against white: text #1b1b1b (17:1), hints #505a5f (7:1), errors #b10e1e (7.4:1),
  // the button #00703c with white text (6:1), the focus ring #0b0c0c on #ffdd00 (GOV.UK's, 17:1).
  var CSS = [
    ":host { all: initial !important; display: block !important; }",
    ".oa { all: initial; display: block; box-sizing: border-box; max-width: 640px; padding: 16px; background: #ffffff; color: #1b1b1b;",
    "  font: 400 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; text-align: left; }",
    ".oa *, .oa *::before, .oa *::after { box-sizing: border-box; }",
    ".oa h1, .oa h2, .oa h3, .oa h4, .oa h5, .oa h6 { font-size: 24px; line-height: 1.25; font-weight: 700; margin: 0 0 16px; color: #1b1b1b; }",
    ".oa h1:focus, .oa h2:focus, .oa h3:focus, .oa h4:focus, .oa h5:focus, .oa h6:focus { outline: 3px solid #ffdd00; outline-offset: 2px; }",
    ".oa p { margin: 0 0 16px; }",
    ".oa form { margin: 0; }",
    ".oa .field { margin: 0 0 20px; }",
    ".oa .field.invalid { border-left: 5px solid #b10e1e; padding-left: 12px; }",
    ".oa label, .oa legend { display: block; font-weight: 700; margin: 0 0 4px; color: #1b1b1b; }",
    ".oa fieldset { border: 0; margin: 0 0 20px; padding: 0; min-width: 0; }",
    ".oa legend { padding: 0; font-size: 18px; }",
    ".oa .hint { display: block; color: #505a5f; margin: 0 0 6px; }",
    ".oa .error { display: block; color: #b10e1e; font-weight: 700; margin: 0 0 6px; }",
    ".oa .error[hidden] { display: none; }",
    ".oa input[type=tel], .oa input[type=text], .oa input[type=date], .oa input:not([type]), .oa select, .oa textarea {",
    "  display: block; width: 100%; max-width: 384px; min-height: 44px; padding: 8px; font: inherit; color: #1b1b1b; background: #ffffff;",
    "  border: 2px solid #0b0c0c; border-radius: 0; }",
    ".oa textarea { min-height: 110px; max-width: 100%; }",
    ".oa input[type=file] { display: block; min-height: 44px; padding: 8px 0; font: inherit; color: #1b1b1b; }",
    ".oa [aria-invalid=true] { border-color: #b10e1e; border-width: 3px; }",
    ".oa .choice { display: flex; align-items: center; gap: 12px; min-height: 44px; font-weight: 400; margin: 0 0 4px; cursor: pointer; }",
    ".oa .choice input { width: 28px; height: 28px; margin: 0; flex: none; accent-color: #0b0c0c; }",
    ".oa button { display: inline-block; min-height: 44px; min-width: 44px; padding: 8px 18px; font-family: inherit; font-size: 18px; font-weight: 700; line-height: 1.4;",
    "  color: #ffffff; background: #00703c; border: 2px solid transparent; border-radius: 0; box-shadow: 0 2px 0 #002d18; cursor: pointer; }",
    ".oa button:hover { background: #005a30; }",
    ".oa input:focus, .oa select:focus, .oa textarea:focus, .oa button:focus, .oa .choice input:focus {",
    "  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }",
    ".oa button:focus { color: #0b0c0c; background: #ffdd00; box-shadow: 0 2px 0 #0b0c0c; }",
    ".oa .summary { border: 5px solid #b10e1e; padding: 12px 16px; margin: 0 0 20px; }",
    ".oa .summary[hidden] { display: none; }",
    ".oa .summary ul { margin: 8px 0 0; padding-left: 20px; }",
    ".oa .summary a { color: #b10e1e; font-weight: 700; display: inline-block; min-height: 24px; }",
    ".oa .summary a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }",
    ".oa .done { border: 5px solid #00703c; padding: 12px 16px; }",
    ".oa .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden;",
    "  clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }"
  ].join("\n");

  var ids = 0;
  function nextId(prefix) { ids += 1; return "oa-" + prefix + "-" + ids; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) { e.setAttribute(k, attrs[k]); } });
    if (text) { e.textContent = text; }
    return e;
  }

  function describedBy(input, id, on) {
    var list = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) { list.push(id); }
    if (list.length) { input.setAttribute("aria-describedby", list.join(" ")); } else { input.removeAttribute("aria-describedby"); }
  }

  /** A form mounted in its own shadow root on the school's page, and the calls it makes to the school's service. */
  function mount(script, options) {
    var base = new URL(script.src).origin;
    var school = script.getAttribute("data-school");
    var level = Math.min(6, Math.max(1, Number(script.getAttribute("data-heading-level")) || 2));
    var host = document.getElementById(script.getAttribute("data-target") || "")
      || script.parentNode.insertBefore(document.createElement("div"), script);
    host.setAttribute("data-open-attendance", options.name);
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    root.innerHTML = "";
    root.appendChild(el("style", {}, CSS));
    var wrapper = el("div", { "class": "oa", lang: "en" });
    root.appendChild(wrapper);
    // One polite live region that outlives the steps, so screen readers hear "Sending..." and each new step's name;
    // sighted parents see the focused heading instead, so it is visually hidden.
    var status = el("p", { "class": "visually-hidden", role: "status", "aria-live": "polite", "data-role": "status" });
    var stage = el("div", {});
    wrapper.appendChild(status);
    wrapper.appendChild(stage);

    var ui = {
      host: host,
      root: root,
      api: base + "/api/v1/public/schools/" + encodeURIComponent(school) + "/parent",
      state: { challenge: null, token: null },
      announce: function (text) { status.textContent = ""; setTimeout(function () { status.textContent = text; }, 50); }
    };

    ui.send = function (method, path, body, isForm) {
      var headers = { "Accept": "application/json" };
      if (!isForm) { headers["Content-Type"] = "application/json"; }
      if (ui.state.token) { headers.Authorization = "Bearer " + ui.state.token; }
      return fetch(ui.api + path, { method: method, headers: headers, body: body ? (isForm ? body : JSON.stringify(body)) : undefined })
        .then(function (r) {
          return r.text().then(function (t) {
            var json = null;
            try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
            if (!r.ok) {
              var problem = new Error(json ? (json.detail || json.title || ("Error " + r.status))
                : "The school's service answered " + r.status + ". Please try again or contact the school office.");
              problem.fields = json && json.errors ? json.errors : [];
              problem.title = json && json.title;
              throw problem;
            }
            return json;
          });
        }, function () {
          throw new Error("This form could not reach the school's attendance service from this page. Please contact the school office.");
        });
    };

    /** One step of the form: a heading that takes focus, an error summary announced as an alert, and the form itself. */
    ui.step = function (title, intro) {
      stage.innerHTML = "";
      var heading = el("h" + level, { tabindex: "-1", "data-role": "heading" }, title);
      stage.appendChild(heading);
      var summary = el("div", { "class": "summary", role: "alert", "data-role": "message", hidden: "hidden" });
      stage.appendChild(summary);
      if (intro) { stage.appendChild(el("p", {}, intro)); }
      var form = el("form", { novalidate: "novalidate", "aria-labelledby": heading.id = nextId("heading") });
      stage.appendChild(form);
      var fields = {};
      var busy = false;

      var step = { form: form, heading: heading, fields: fields };

      /** A labelled control with an optional hint, and a place for its error tied to it. */
      step.field = function (label, input, hint) {
        var box = el("div", { "class": "field" });
        input.id = input.id || nextId("input");
        box.appendChild(el("label", { "for": input.id }, label));
        if (hint) {
          var h = el("span", { "class": "hint", id: nextId("hint") }, hint);
          box.appendChild(h);
          describedBy(input, h.id, true);
        }
        var error = el("span", { "class": "error", id: nextId("error"), hidden: "hidden" });
        box.appendChild(error);
        box.appendChild(input);
        form.appendChild(box);
        fields[input.name] = { box: box, input: input, error: error, focus: input };
        return input;
      };

      /** A group of choices (checkboxes) under a legend; the error is tied to the fieldset. */
      step.choices = function (name, legend, hint, options) {
        var set = el("fieldset", { "data-role": name });
        set.appendChild(el("legend", {}, legend));
        if (hint) {
          var h = el("span", { "class": "hint", id: nextId("hint") }, hint);
          set.appendChild(h);
          describedBy(set, h.id, true);
        }
        var error = el("span", { "class": "error", id: nextId("error"), hidden: "hidden" });
        set.appendChild(error);
        var boxes = options.map(function (o) {
          var box = el("input", { type: "checkbox", name: name, value: o[0], id: nextId("choice") });
          var l = el("label", { "class": "choice", "for": box.id });
          l.appendChild(box);
          l.appendChild(document.createTextNode(o[1]));
          set.appendChild(l);
          return box;
        });
        form.appendChild(set);
        fields[name] = { box: set, input: set, error: error, focus: boxes[0], group: boxes };
        return boxes;
      };

      /** Fields that belong together (dates and sessions) under one legend. */
      step.group = function (legend) {
        var set = el("fieldset", {});
        set.appendChild(el("legend", {}, legend));
        form.appendChild(set);
        return { field: function (label, input, hint) { var i = step.field(label, input, hint); set.appendChild(fields[input.name].box); return i; } };
      };

      step.button = function (text, name) { form.appendChild(el("button", { type: "submit", name: name }, text)); };

      step.clear = function () {
        summary.hidden = true;
        summary.innerHTML = "";
        Object.keys(fields).forEach(function (k) {
          var f = fields[k];
          f.error.hidden = true;
          f.error.textContent = "";
          f.box.classList.remove("invalid");
          (f.group || [f.input]).forEach(function (i) { i.removeAttribute("aria-invalid"); });
          describedBy(f.input, f.error.id, false);
        });
      };

      /** Shows errors: each beside its field (or the step's main field), listed in the summary, focus on the first. */
      step.fail = function (problem, fallbackField) {
        step.clear();
        var list = (problem.fields && problem.fields.length ? problem.fields : [{ field: fallbackField || "", message: problem.message }]);
        var shown = [];
        summary.appendChild(el("p", { "class": "summary-title" }, "There is a problem"));
        var ul = el("ul", {});
        summary.appendChild(ul);
        list.forEach(function (e) {
          var key = String(e.field || "").replace(/\[\d+\]$/, "");
          var f = fields[key] || fields[options.aliases && options.aliases[key]] || fields[fallbackField];
          // Our own checks carry a message; the service names the field and what it expected, under a title a parent can read.
          var text = e.message || (f && e.expected ? (problem.title ? problem.title + ". " : "") + "Expected: " + e.expected + "." : problem.message);
          if (f && text && f.error.textContent.indexOf(text) < 0) {
            f.error.textContent = (f.error.textContent ? f.error.textContent + " " : "") + text;
            f.error.hidden = false;
            f.box.classList.add("invalid");
            (f.group || [f.input]).forEach(function (i) { i.setAttribute("aria-invalid", "true"); });
            describedBy(f.input, f.error.id, true);
            shown.push(f);
          }
          var li = el("li", {});
          if (f) {
            var a = el("a", { href: "#" + f.focus.id }, text);
            a.addEventListener("click", function (ev) { ev.preventDefault(); f.focus.focus(); });
            li.appendChild(a);
          } else {
            li.textContent = problem.message;
          }
          ul.appendChild(li);
        });
        summary.hidden = false;
        if (shown.length) { shown[0].focus.focus(); } else { summary.setAttribute("tabindex", "-1"); summary.focus(); }
      };

      /** Sends at most once at a time; errors land on the step, tied to their fields. */
      step.onSubmit = function (fallbackField, check, action) {
        form.addEventListener("submit", function (ev) {
          ev.preventDefault();
          if (busy) { return; }
          var local = check ? check() : [];
          if (local.length) { step.fail({ message: local[0].message, fields: local }, fallbackField); return; }
          busy = true;
          ui.announce("Sending...");
          Promise.resolve().then(action).then(function () { busy = false; }, function (e) {
            busy = false;
            ui.announce("");
            step.fail(e, fallbackField);
          });
        });
      };

      // The first step waits for the parent; moving focus on page load would pull them away from the school's page.
      if (ui.started) {
        ui.announce(title);
        heading.focus();
      }
      ui.started = true;
      return step;
    };

    ui.done = function (title, text, attrs) {
      var step = ui.step(title);
      step.form.remove();
      var p = el("p", attrs || {}, text);
      p.setAttribute("class", "done");
      p.setAttribute("data-role", "done");
      stage.appendChild(p);
      return step;
    };

    /** The sign-in both forms share: a mobile number, then the one-time code sent to it; resolves once signed in. */
    ui.signIn = function (title, intro) {
      return new Promise(function (resolve) {
        var step = ui.step(title, intro);
        var mobile = step.field("Your mobile number", el("input", { name: "mobile", type: "tel", autocomplete: "tel" }),
          "The one the school has for you. We will text you a code.");
        step.button("Send me a code", "send-code");
        step.onSubmit("mobile", function () {
          return mobile.value.trim() ? [] : [{ field: "mobile", message: "Enter your mobile number" }];
        }, function () {
          return ui.send("POST", "/sign-in", { mobile: mobile.value }).then(function (c) {
            ui.state.challenge = c.challenge;
            enterCode(c.sentTo, resolve);
          });
        });
      });
    };

    function enterCode(sentTo, resolve) {
      var step = ui.step("Enter your code", "We have sent a 6-digit code to your " + sentTo + ".");
      var code = step.field("Code", el("input", { name: "code", type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6" }),
        "It is in the text we have just sent you.");
      step.button("Continue", "verify");
      step.onSubmit("code", function () {
        return /^\s*\d{6}\s*$/.test(code.value) ? [] : [{ field: "code", message: "Enter the 6 digits from the text we sent you" }];
      }, function () {
        return ui.send("POST", "/verify", { challenge: ui.state.challenge, code: code.value.trim() }).then(function (s) {
          ui.state.token = s.accessToken;
          resolve();
        });
      });
    }

    return ui;
  }

  window.OpenAttendanceEmbed = { mount: mount, el: el };
})();
