/*
 * Open Attendance: "my child's attendance" for a school's own website.
 *   <div id="attendance-view"></div>
 *   <script src="https://attendance.example.org/embed/attendance-view.js" data-school="123" data-target="attendance-view"></script>
 * The page's origin must be one of the school's allowed origins. The parent signs in with the same one-time code as
 * the forms (parent-form-kit.js, loaded from the same address), then sees for each child: attendance this school year
 * with the DfE figures the school's staff see, this week's marks in words and as a small chart (a table with a bar per
 * day, its figures in text beside the bar), letters sent (PDF), messages sent, and where each absence report and leave
 * request stands, with its reference. Everything comes from the parents' API; nothing is worked out here but sums.
 */
(function () {
  "use strict";
  var script = document.currentScript;

  // Bars: #00703c attended and #b10e1e missed on the kit's white, each above 3:1 for graphics (WCAG 1.4.11).
  var CSS = [
    ".oa .child { margin: 0 0 32px; }",
    ".oa .figures { display: grid; grid-template-columns: 1fr auto; gap: 4px 16px; margin: 0 0 20px; }",
    ".oa .figures dt { margin: 0; }",
    ".oa .figures dd { margin: 0; font-weight: 700; text-align: right; }",
    ".oa .big { font-size: 32px; font-weight: 700; line-height: 1.2; margin: 0 0 4px; }",
    ".oa table { border-collapse: collapse; width: 100%; margin: 0 0 20px; }",
    ".oa caption { text-align: left; font-weight: 700; margin: 0 0 8px; }",
    ".oa th, .oa td { text-align: left; vertical-align: top; padding: 6px 8px 6px 0; border-bottom: 1px solid #b1b4b6; }",
    ".oa .bar { display: block; width: 100%; max-width: 120px; height: 16px; background: #b10e1e; margin: 4px 0; }",
    ".oa .bar span { display: block; height: 16px; background: #00703c; }",
    ".oa .bar.none { background: #f3f2f1; border: 1px solid #505a5f; }",
    ".oa ul.items { list-style: none; margin: 0 0 20px; padding: 0; }",
    ".oa ul.items li { border-bottom: 1px solid #b1b4b6; padding: 8px 0; }",
    ".oa .ref { font-weight: 700; }",
    ".oa a, .oa .link { color: #1d70b8; text-decoration: underline; font: inherit; background: none; border: 0; padding: 0; box-shadow: none;",
    "  min-height: 44px; min-width: 44px; display: inline-block; cursor: pointer; font-weight: 400; font-size: 16px; line-height: 44px; }",
    ".oa a:focus, .oa .link:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; }",
    ".oa .link:hover { background: none; color: #003078; }"
  ].join("\n");

  var ATTENDED = { PRESENT: true, APPROVED_EDUCATIONAL_ACTIVITY: true };
  var NOT_POSSIBLE = { NOT_COUNTED: true, ADMINISTRATIVE: true };
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

  function start() {
    var kit = window.OpenAttendanceEmbed;
    var el = kit.el;
    var ui = kit.mount(script, { name: "attendance-view" });
    var t = ui.t;
    var level = Math.min(6, Math.max(1, Number(script.getAttribute("data-heading-level")) || 2));
    function h(depth, key) { return t.bind(el("h" + Math.min(6, level + depth), {}), key); }
    /** An element whose text follows the language switch: a key, or a function of the translator. */
    function say(tag, attrs, text, params) { return t.bind(el(tag, attrs), text, params); }
    ui.root.appendChild(el("style", {}, CSS));
    ui.signIn("view.title", "view.intro").then(show);

    // "Monday 16 November" in English as before; other languages as Intl writes a weekday, day and month in them
    function day(iso) {
      var d = new Date(iso + "T12:00:00Z");
      if (t.lang() === "en") {
        return DAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
      }
      try {
        return new Intl.DateTimeFormat(t.lang(), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(d);
      } catch (e) {
        return iso;
      }
    }

    /** The service words marks in English; in another language they are worded here by how they count. */
    function markWords(m) {
      if (t.lang() === "en") { return m.words; }
      return t(m.counts && kit.words["counts." + m.counts] ? "counts." + m.counts : "counts.unknown");
    }

    /** A status as the service words it in English (with its counts and notes), else its state in the parent's language. */
    function statusWords(prefix, s) {
      if (t.lang() === "en" || !kit.words[prefix + s.status]) { return s.words; }
      return t(prefix + s.status) + (s.note ? ": " + s.note : "");
    }

    function show() {
      var step = ui.step("view.heading");
      var view = el("div", { "data-role": "view" });
      step.form.parentNode.replaceChild(view, step.form);
      var loading = say("p", {}, "view.loading");
      view.appendChild(loading);
      // the 20 latest texts are one page; the rest are whole lists, however many pages they take
      var latestTexts = ui.send("GET", "/messages?size=20").then(function (p) { return p.items; });
      Promise.all([ui.list("/attendance"), ui.list("/letters"), latestTexts, ui.list("/absence-reports"), ui.list("/leave-requests")])
        .then(function (all) {
          view.removeChild(loading);
          var attendance = all[0], letters = all[1], messages = all[2], reports = all[3], leave = all[4];
          attendance.forEach(function (c) { view.appendChild(child(c)); });
          view.appendChild(section("letters", "view.letters", letters.map(letter), "view.noLetters"));
          view.appendChild(section("texts", "view.messages", messages.map(message), "view.noMessages"));
          view.appendChild(section("absences", "view.reports", reports.map(report), "view.noReports"));
          view.appendChild(section("leave", "view.leave", leave.map(request), "view.noLeave"));
          ui.announce("view.heading");
        }, function (e) { step.fail(e); });
    }

    function child(c) {
      var f = c.thisYear.figures;
      var box = el("section", { "class": "child", "data-role": "child", "data-pupil": String(c.pupilId) });
      box.setAttribute("aria-labelledby", (box.id = "oa-child-" + c.pupilId) + "-h");
      // the child's name and form as the school holds them, in no language
      var title = el("h" + Math.min(6, level + 1), {}, c.name + (c.form ? " (" + c.form + ")" : ""));
      title.id = box.id + "-h";
      box.appendChild(title);
      var none = f.attendancePercent === null || f.attendancePercent === undefined;
      box.appendChild(say("p", { "class": "big", "data-role": "percent" }, function () {
        return t("view.percent", { percent: none ? t("view.noSessions") : Number(f.attendancePercent).toFixed(1) + "%" });
      }));
      // the window's description is the figures service's English; shown in English only
      var during = c.thisYear.window && c.thisYear.window.description ? c.thisYear.window.description : "";
      box.appendChild(say("p", { "class": "hint" }, function () {
        return (during && t.lang() === "en" ? during.charAt(0).toUpperCase() + during.slice(1) + ". " : "") + t("view.how");
      }));
      var dl = el("dl", { "class": "figures", "data-role": "figures" });
      [["view.possible", f.possibleSessions], ["view.attended", f.attended], ["view.authorised", f.authorisedAbsence],
       ["view.unauthorised", f.unauthorisedAbsence], ["view.lates", f.unauthorisedLates]].forEach(function (row) {
        dl.appendChild(say("dt", {}, row[0]));
        dl.appendChild(el("dd", {}, String(row[1])));
      });
      box.appendChild(dl);
      box.appendChild(week(c));
      return box;
    }

    /** This week as a table: each day's marks in words, and a bar of sessions attended whose figures are its text. */
    function week(c) {
      var days = {};
      var order = [];
      c.thisWeek.forEach(function (m) {
        if (!days[m.date]) { days[m.date] = { AM: null, PM: null }; order.push(m.date); }
        days[m.date][m.session] = m;
      });
      var table = el("table", { "data-role": "week" });
      table.appendChild(say("caption", {}, function () { return t("view.weekCaption", { date: day(c.weekFrom) }); }));
      var head = el("tr", {});
      ["view.day", "view.morning", "view.afternoon", "view.sessionsAttended"].forEach(function (k) { head.appendChild(say("th", { scope: "col" }, k)); });
      table.appendChild(el("thead", {})).appendChild(head);
      var body = el("tbody", {});
      table.appendChild(body);
      if (!order.length) {
        var nothing = el("tr", {});
        nothing.appendChild(say("td", { colspan: "4" }, "view.noRegisters"));
        body.appendChild(nothing);
      }
      order.forEach(function (d) {
        var tr = el("tr", { "data-date": d });
        tr.appendChild(say("th", { scope: "row" }, function () { return day(d); }));
        var possible = 0, attended = 0;
        ["AM", "PM"].forEach(function (s) {
          var m = days[d][s];
          tr.appendChild(say("td", { "data-session": s, "data-counts": m && m.counts ? m.counts : null }, function () {
            return m ? markWords(m) + (m.minutesLate ? t("view.minutesLate", { minutes: m.minutesLate }) : "") : t("view.notTaken");
          }));
          if (m && m.counts && !NOT_POSSIBLE[m.counts]) {
            possible += 1;
            if (ATTENDED[m.counts]) { attended += 1; }
          }
        });
        var cell = el("td", {});
        var bar = el("span", { "class": possible ? "bar" : "bar none", "aria-hidden": "true" });
        var fill = el("span", {});
        fill.style.width = (possible ? Math.round(100 * attended / possible) : 0) + "%";
        bar.appendChild(fill);
        cell.appendChild(bar);
        cell.appendChild(say("span", {}, function () { return possible ? t("view.ofSessions", { attended: attended, possible: possible }) : t("view.noneCounted"); }));
        tr.appendChild(cell);
        body.appendChild(tr);
      });
      return table;
    }

    function section(role, titleKey, items, emptyKey) {
      var box = el("section", { "data-role": role });
      var heading = h(1, titleKey);
      heading.id = "oa-section-" + role;
      box.setAttribute("aria-labelledby", heading.id);
      box.appendChild(heading);
      if (!items.length) { box.appendChild(say("p", {}, emptyKey)); return box; }
      var ul = el("ul", { "class": "items" });
      items.forEach(function (i) { ul.appendChild(i); });
      box.appendChild(ul);
      return box;
    }

    function letter(l) {
      var li = el("li", {});
      li.appendChild(say("span", {}, function () {
        return (l.subject || t("view.aLetter")) + " (" + l.pupilName + ")" + (l.sentAt ? t("view.sent", { date: day(l.sentAt.slice(0, 10)) }) : "") + ". ";
      }));
      // the PDF needs the sign-in, which a plain link cannot carry: fetched with it, then opened from the browser's memory
      var open = say("button", { type: "button", "class": "link", "data-role": "letter-pdf" }, "view.openLetter");
      open.addEventListener("click", function () {
        fetch(ui.api + "/letters/" + l.id + "/pdf", { headers: { Authorization: "Bearer " + ui.state.token } })
          .then(function (r) { if (!r.ok) { throw new Error(); } return r.blob(); })
          .then(function (b) { window.open(URL.createObjectURL(b), "_blank"); },
            function () { ui.announce("view.letterFailed"); });
      });
      li.appendChild(open);
      return li;
    }

    function message(m) {
      var li = el("li", {});
      li.appendChild(say("span", { "class": "hint" }, function () {
        return t(m.channel === "EMAIL" ? "view.email" : "view.text") + (m.sentAt ? ", " + day(m.sentAt.slice(0, 10)) : "");
      }));
      // the message as it was sent, in the language it was sent in
      li.appendChild(el("span", {}, m.body));
      return li;
    }

    function report(r) {
      var li = el("li", { "data-reference": r.status.reference, "data-status": r.status.status });
      li.appendChild(say("span", { "class": "ref" }, "view.reference", { reference: r.status.reference }));
      li.appendChild(say("span", {}, function () {
        return r.report.pupilName + ", " + day(r.report.firstDate) + (r.report.lastDate !== r.report.firstDate ? t("view.to") + day(r.report.lastDate) : "")
          + ". " + statusWords("reportStatus.", r.status) + ".";
      }));
      return li;
    }

    function request(l) {
      var li = el("li", { "data-reference": l.status.reference, "data-status": l.status.status });
      li.appendChild(say("span", { "class": "ref" }, "view.reference", { reference: l.status.reference }));
      li.appendChild(say("span", {}, function () {
        return l.request.pupilName + ", " + day(l.request.firstDate) + t("view.to") + day(l.request.lastDate) + ". " + statusWords("leaveStatus.", l.status) + ".";
      }));
      return li;
    }
  }

  // One script tag for the school; the shared kit comes from the same address, once per page.
  if (window.OpenAttendanceEmbed) { start(); return; }
  var kit = document.querySelector("script[data-open-attendance-kit]");
  if (!kit) {
    kit = document.createElement("script");
    kit.src = new URL("parent-form-kit.js", script.src).href;
    kit.setAttribute("data-open-attendance-kit", "");
    document.head.appendChild(kit);
  }
  kit.addEventListener("load", start);
})();
