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

  var SESSIONS = { AM: "Morning", PM: "Afternoon" };
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

  function day(iso) {
    var d = new Date(iso + "T12:00:00Z");
    return DAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  }

  function start() {
    var kit = window.OpenAttendanceEmbed;
    var el = kit.el;
    var ui = kit.mount(script, { name: "attendance-view" });
    var level = Math.min(6, Math.max(1, Number(script.getAttribute("data-heading-level")) || 2));
    function h(depth, text) { return el("h" + Math.min(6, level + depth), {}, text); }
    ui.root.appendChild(el("style", {}, CSS));
    ui.signIn("Your child's attendance", "See your children's attendance, letters and messages from the school. First we check it is you.").then(show);

    function show() {
      var step = ui.step("Your children's attendance");
      var view = el("div", { "data-role": "view" });
      step.form.parentNode.replaceChild(view, step.form);
      var loading = el("p", {}, "Loading...");
      view.appendChild(loading);
      Promise.all(["/attendance", "/letters", "/messages", "/absence-reports", "/leave-requests"].map(function (p) { return ui.send("GET", p); }))
        .then(function (all) {
          view.removeChild(loading);
          var attendance = all[0], letters = all[1], messages = all[2], reports = all[3], leave = all[4];
          attendance.forEach(function (c) { view.appendChild(child(c)); });
          view.appendChild(section("Letters from the school", letters.length ? letters.map(letter) : [], "No letters have been sent to you."));
          view.appendChild(section("Texts and emails from the school", messages.slice(0, 20).map(message), "No messages yet."));
          view.appendChild(section("Absences you told us about", reports.map(report), "No absence reports."));
          view.appendChild(section("Leave requests", leave.map(request), "No leave requests."));
          ui.announce("Your children's attendance");
        }, function (e) { step.fail(e); });
    }

    function child(c) {
      var f = c.thisYear.figures;
      var box = el("section", { "class": "child", "data-role": "child", "data-pupil": String(c.pupilId) });
      box.setAttribute("aria-labelledby", (box.id = "oa-child-" + c.pupilId) + "-h");
      var title = h(1, c.name + (c.form ? " (" + c.form + ")" : ""));
      title.id = box.id + "-h";
      box.appendChild(title);
      var pct = f.attendancePercent === null || f.attendancePercent === undefined ? "no sessions yet" : Number(f.attendancePercent).toFixed(1) + "%";
      box.appendChild(el("p", { "class": "big", "data-role": "percent" }, "Attendance this year: " + pct));
      var during = c.thisYear.window && c.thisYear.window.description ? c.thisYear.window.description : "";
      box.appendChild(el("p", { "class": "hint" }, (during ? during.charAt(0).toUpperCase() + during.slice(1) + ". " : "")
        + "Worked out the way the Department for Education asks schools to: sessions attended out of sessions possible (a morning or an afternoon is one session)."));
      var dl = el("dl", { "class": "figures", "data-role": "figures" });
      [["Sessions possible", f.possibleSessions], ["Sessions attended", f.attended],
       ["Authorised absence (sessions)", f.authorisedAbsence], ["Unauthorised absence (sessions)", f.unauthorisedAbsence],
       ["Late, counted as unauthorised absence (sessions)", f.unauthorisedLates]].forEach(function (row) {
        dl.appendChild(el("dt", {}, row[0]));
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
      table.appendChild(el("caption", {}, "This week so far (from " + day(c.weekFrom) + "), with a bar of sessions attended each day"));
      var head = el("tr", {});
      ["Day", "Morning", "Afternoon", "Sessions attended"].forEach(function (t) { head.appendChild(el("th", { scope: "col" }, t)); });
      table.appendChild(el("thead", {})).appendChild(head);
      var body = el("tbody", {});
      table.appendChild(body);
      if (!order.length) {
        var none = el("tr", {});
        none.appendChild(el("td", { colspan: "4" }, "No registers taken yet this week."));
        body.appendChild(none);
      }
      order.forEach(function (d) {
        var tr = el("tr", { "data-date": d });
        tr.appendChild(el("th", { scope: "row" }, day(d)));
        var possible = 0, attended = 0;
        ["AM", "PM"].forEach(function (s) {
          var m = days[d][s];
          tr.appendChild(el("td", { "data-session": s }, m ? m.words + (m.minutesLate ? " (" + m.minutesLate + " minutes late)" : "") : "Not taken yet"));
          if (m && m.counts && m.counts !== "NOT_COUNTED" && m.counts !== "ADMINISTRATIVE") {
            possible += 1;
            if (m.counts === "PRESENT" || m.counts === "APPROVED_EDUCATIONAL_ACTIVITY") { attended += 1; }
          }
        });
        var cell = el("td", {});
        var bar = el("span", { "class": possible ? "bar" : "bar none", "aria-hidden": "true" });
        var fill = el("span", {});
        fill.style.width = (possible ? Math.round(100 * attended / possible) : 0) + "%";
        bar.appendChild(fill);
        cell.appendChild(bar);
        cell.appendChild(el("span", {}, possible ? attended + " of " + possible : "None counted"));
        tr.appendChild(cell);
        body.appendChild(tr);
      });
      return table;
    }

    function section(title, items, empty) {
      var box = el("section", { "data-role": title.split(" ")[0].toLowerCase() });
      var heading = h(1, title);
      heading.id = "oa-section-" + box.getAttribute("data-role");
      box.setAttribute("aria-labelledby", heading.id);
      box.appendChild(heading);
      if (!items.length) { box.appendChild(el("p", {}, empty)); return box; }
      var ul = el("ul", { "class": "items" });
      items.forEach(function (i) { ul.appendChild(i); });
      box.appendChild(ul);
      return box;
    }

    function letter(l) {
      var li = el("li", {});
      li.appendChild(el("span", {}, (l.subject || "A letter") + " (" + l.pupilName + ")" + (l.sentAt ? ", sent " + day(l.sentAt.slice(0, 10)) : "") + ". "));
      // the PDF needs the sign-in, which a plain link cannot carry: fetched with it, then opened from the browser's memory
      var open = el("button", { type: "button", "class": "link", "data-role": "letter-pdf" }, "Open the letter (PDF)");
      open.addEventListener("click", function () {
        fetch(ui.api + "/letters/" + l.id + "/pdf", { headers: { Authorization: "Bearer " + ui.state.token } })
          .then(function (r) { if (!r.ok) { throw new Error(); } return r.blob(); })
          .then(function (b) { window.open(URL.createObjectURL(b), "_blank"); },
            function () { ui.announce("The letter could not be opened. Please ask the school office for a copy."); });
      });
      li.appendChild(open);
      return li;
    }

    function message(m) {
      var li = el("li", {});
      li.appendChild(el("span", { "class": "hint" }, (m.channel === "EMAIL" ? "Email" : "Text") + (m.sentAt ? ", " + day(m.sentAt.slice(0, 10)) : "")));
      li.appendChild(el("span", {}, m.body));
      return li;
    }

    function report(r) {
      var li = el("li", { "data-reference": r.status.reference });
      li.appendChild(el("span", { "class": "ref" }, "Reference " + r.status.reference + ": "));
      li.appendChild(el("span", {}, r.report.pupilName + ", " + day(r.report.firstDate)
        + (r.report.lastDate !== r.report.firstDate ? " to " + day(r.report.lastDate) : "") + ". " + r.status.words + "."));
      return li;
    }

    function request(l) {
      var li = el("li", { "data-reference": l.status.reference });
      li.appendChild(el("span", { "class": "ref" }, "Reference " + l.status.reference + ": "));
      li.appendChild(el("span", {}, l.request.pupilName + ", " + day(l.request.firstDate) + " to " + day(l.request.lastDate) + ". " + l.status.words + "."));
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
